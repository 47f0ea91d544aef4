/**
 * `pnpm bench:elections-server [--ballots 50] [--threads N] [--workers N] [--concurrency N] [--skip-verify] [--hand-teams 5]`:
 * the election server's figures on this machine (issue 17): casting
 * throughput (ballots checked on the server's worker pool and stored, per
 * second, over HTTP on one server process, `--concurrency` requests in
 * flight) beside the same check in one thread (as the server did before the
 * pool), the longest /healthz answer while the server works, and the time
 * from closing to a published result (tally, two partial decryptions of
 * three trustees, publish, the .bel record) beside belenios-tool's encrypted
 * tally of the same record and a hand count of as many paper ballots.
 * `--ballots 10000` for the issue's figure; the default is a smoke run.
 * `--threads`: ballot-making threads (the voters' phones); `--workers`: the
 * server's KUMIAI_ELECTION_THREADS.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { plaintextFor, slotsOf, type ElectionQuestion, type SlotChoice, type TrusteeTask } from '@kumiai/shared';
import { loadElection, readBallot } from '@kumiai/shared/elections/crypto/index';
import { trusteeAnswer, trusteeCert } from '@kumiai/shared/elections/trustee-device';
import { seededRandom } from '@kumiai/shared/elections/simulate';
import { buildApp } from '@kumiai/server/src/app.ts';
import { defaultThreads, verifyArchiveParallel } from '@kumiai/server/src/cli/election.ts';
import { loadConfig } from '@kumiai/server/src/config.ts';
import { openDatabase } from '@kumiai/server/src/db/database.ts';
import { PERSONAL_SESSION } from '@kumiai/server/src/features/auth/session-service.ts';
import { checkBallot } from '@kumiai/server/src/features/elections/crypto-tasks.ts';
import { ManualClock } from '@kumiai/server/src/lib/clock.ts';
import { makeBallotsInBackground } from './elections-pool.ts';

const USAGE = 'pnpm bench:elections-server [--ballots 50] [--threads N] [--workers N] [--concurrency N] [--skip-verify] [--hand-teams 5]\n';
const { values: flags } = parseArgs({
  options: {
    ballots: { type: 'string', default: '50' },
    threads: { type: 'string' },
    workers: { type: 'string' },
    concurrency: { type: 'string' },
    'skip-verify': { type: 'boolean', default: false },
    'hand-teams': { type: 'string', default: '5' },
  },
});
const N = Number(flags.ballots);
const threads = flags.threads ? Number(flags.threads) : defaultThreads();
const handTeams = Number(flags['hand-teams']);
const positive = (n: number) => Number.isInteger(n) && n >= 1;
if (![N, threads, handTeams, Number(flags.workers ?? 1), Number(flags.concurrency ?? 1)].every(positive)) {
  process.stderr.write(USAGE);
  process.exit(2);
}

const QUESTIONS: ElectionQuestion[] = [
  { id: 'strike', kind: 'yes_no', title: 'スト権の確立', options: [], threshold: 'two_thirds', base: 'valid', tie: 'not_approved' },
  { id: 'chair', kind: 'officer', title: '執行委員長', seats: 1, options: [{ id: 'a', name: '青木' }, { id: 'b', name: '馬場' }, { id: 'c', name: '千葉' }], threshold: 'simple', base: 'valid', tie: 'lot' },
];
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kumiai-bench-elections-'));
const config = loadConfig({ KUMIAI_DATA_DIR: dataDir, KUMIAI_CLIENT_DIR: path.join(dataDir, 'no-client'), ...(flags.workers ? { KUMIAI_ELECTION_THREADS: flags.workers } : {}) });
const workers = config.electionThreads;
const concurrency = flags.concurrency ? Number(flags.concurrency) : 4 * workers;
const db = openDatabase(config.dataDir);
const clock = new ManualClock(Date.now());
const { app, services } = await buildApp({ config, db, clock, logger: false });
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

db.prepare("INSERT INTO units (id, parent_id, name, kind, code, created_at, updated_at) VALUES ('u', NULL, '組合', 'union', 'U', 0, 0)").run();
const member = db.prepare("INSERT INTO members (id, employee_number, name, unit_id, status, created_at, updated_at) VALUES (?, ?, ?, 'u', 'active', 0, 0)");
db.transaction(() => {
  for (const c of ['c1', 'c2', 'c3']) {
    member.run(c, c, c);
    db.prepare("INSERT INTO role_grants (id, member_id, unit_id, role, created_at) VALUES (?, ?, 'u', 'election_commissioner', 0)").run(`g-${c}`, c);
  }
  for (let i = 1; i <= N; i++) member.run(`v${i}`, `v${i}`, `v${i}`);
})();
const cookies = new Map<string, string>();
const headers = (who: string) => {
  let cookie = cookies.get(who);
  if (!cookie) cookies.set(who, (cookie = `__Host-kumiai_session=${services.sessions.create(who, 'personal', PERSONAL_SESSION).token}`));
  return { cookie, origin: config.publicUrl, 'content-type': 'application/json' };
};
async function api<T>(who: string, method: string, url: string, body: unknown = method === 'GET' ? undefined : {}): Promise<T> {
  const res = await fetch(`${base}${url}`, { method, headers: headers(who), ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
  return (url.endsWith('.bel') ? new Uint8Array(await res.arrayBuffer()) : await res.json()) as T;
}
const ms = (t0: number) => Math.round(performance.now() - t0);
const line = (what: string, value: string) => console.log(`${what.padEnd(48)} ${value}`);
const sec = (msValue: number) => `${(msValue / 1000).toFixed(1)} s`;

/** `work`'s value, and the longest /healthz answer asked one after another while it ran (the event loop's freedom). */
async function probing<T>(work: Promise<T>): Promise<{ value: T; healthMaxMs: number; probes: number }> {
  let done = false;
  let healthMaxMs = 0;
  let probes = 0;
  const probe = (async () => {
    while (!done) {
      const t = performance.now();
      await (await fetch(`${base}/healthz`)).arrayBuffer();
      healthMaxMs = Math.max(healthMaxMs, performance.now() - t);
      probes += 1;
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  try {
    const value = await work;
    return { value, healthMaxMs: Math.round(healthMaxMs), probes };
  } finally {
    done = true;
    await probe;
  }
}

/** `f(i)` for i < n, `width` at a time. */
async function inFlight(n: number, width: number, f: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(width, n) }, async () => {
    while (next < n) await f(next++);
  }));
}

console.log(`Election server: ${N} voters, 3 trustees (threshold 2, one absent); server pool ${workers} worker thread(s), ${concurrency} casts in flight; ${threads} ballot-making thread(s); ${os.cpus().length} cores`);
const now = clock.now();
const { id } = await api<{ id: string }>('c1', 'POST', '/api/elections', {
  unitId: 'u', title: 'bench', description: '', questions: QUESTIONS, electorate: { unitIds: ['u'], classes: [] }, quorumPercent: 0, opensAt: now, closesAt: now + 3600_000,
});
await api('c1', 'POST', `/api/elections/${id}/roll/freeze`);
const trustees = ['c1', 'c2', 'c3'];
await api('c1', 'PUT', `/api/elections/${id}/trustees`, { memberIds: trustees, threshold: 2 });
const seeds = new Map(trustees.map((t) => [t, trusteeCert()]));
for (const t of trustees) await api(t, 'POST', `/api/elections/${id}/trustee/cert`, { message: seeds.get(t)!.cert });
for (const step of ['polynomial', 'voutput'] as const) {
  for (const t of trustees) {
    const answer = trusteeAnswer(await api<TrusteeTask>(t, 'GET', `/api/elections/${id}/trustee`), seeds.get(t)!.seed);
    if (answer?.step !== step) throw new Error(`expected ${step}, got ${answer?.step ?? 'nothing to do'}`);
    await api(t, 'POST', `/api/elections/${id}/trustee/${step}`, { message: answer.message });
  }
}
let t0 = performance.now();
const opened = await probing(api('c1', 'POST', `/api/elections/${id}/open`));
line('open (credentials for the roll)', `${ms(t0)} ms (longest /healthz meanwhile ${opened.healthMaxMs} ms, ${opened.probes} asked)`);

const voters = Array.from({ length: N }, (_, i) => `v${i + 1}`);
const kits: { election: string; credential: string }[] = [];
await inFlight(N, 8, async (i) => (kits[i] = await api<{ election: string; credential: string }>(voters[i]!, 'GET', `/api/me/elections/${id}/ballot-kit`)));
const rnd = seededRandom(1);
const slots = slotsOf(QUESTIONS);
const choice = (): SlotChoice[] => slots.map((s) => (rnd() < 0.1 ? { blank: true } : { picked: [s.answers[Math.floor(rnd() * s.answers.length)]!] }));
t0 = performance.now();
const ballots = await makeBallotsInBackground(threads, loadElection(kits[0]!.election), kits.map((k) => ({ secret: k.credential, plaintext: plaintextFor(QUESTIONS, choice()) })));
line('ballots made (voters\' devices, not the server)', `${ms(t0)} ms`);

t0 = performance.now();
const casting = await probing(inFlight(N, concurrency, (i) => api(voters[i]!, 'POST', `/api/me/elections/${id}/ballots`, { ballot: ballots[i] })));
const castMs = ms(t0);
const castRate = N / (castMs / 1000);
line('casting: checked and stored', `${sec(castMs)}, ${castRate.toFixed(1)} ballots/s with ${workers} worker thread(s) (longest /healthz meanwhile ${casting.healthMaxMs} ms)`);
// The same check in this one thread, as the server did on its event loop before the pool: a sample.
const sample = Math.min(N, 50);
t0 = performance.now();
for (let i = 0; i < sample; i++) if (checkBallot({ electionRaw: kits[0]!.election, ballot: ballots[i]!, credential: readBallot(ballots[i]!).credential.toString() }) !== null) throw new Error('a ballot failed');
const mainRate = sample / (ms(t0) / 1000);
line('  the same checks in the main thread (before)', `${mainRate.toFixed(1)} ballots/s (${sample} checked; ×${(castRate / mainRate).toFixed(1)} with the pool)`);

clock.advance(3600_000);
t0 = performance.now();
await api('c1', 'POST', `/api/elections/${id}/tally`);
const tallyMs = ms(t0);
for (const t of ['c1', 'c2']) {
  const answer = trusteeAnswer(await api<TrusteeTask>(t, 'GET', `/api/elections/${id}/trustee`), seeds.get(t)!.seed);
  if (answer?.step !== 'decryption') throw new Error(`expected decrypt, got ${answer?.step ?? 'nothing to do'}`);
  await api(t, 'POST', `/api/elections/${id}/trustee/decryption`, { message: answer.message });
}
await api('c1', 'POST', `/api/elections/${id}/publish`);
const archive = await api<Uint8Array>('c1', 'GET', `/api/elections/${id}/archive.bel`);
const closeMs = ms(t0);
line('close → published result and record', `${sec(closeMs)} (tally ${tallyMs} ms; decryptions on the trustees' devices included)`);
fs.writeFileSync(path.join(dataDir, 'election.bel'), archive);
t0 = performance.now();
const inriaTally = spawnSync('belenios-tool', ['election', 'compute-encrypted-tally', '--dir', dataDir], { encoding: 'utf8', env: { ...process.env, BELENIOS_USE_URANDOM: '1' }, maxBuffer: 64 * 1024 * 1024 });
line('  belenios-tool: encrypted tally of the record', inriaTally.error ? 'not installed' : `${sec(ms(t0))} (${inriaTally.status === 0 ? 'ok' : 'FAILED'}; the tally step only)`);
// Hand count, by the rate of noleakybuckets.org's hand-count calculator: 6 s per contest per ballot, each ballot counted 2.2 times, teams of two.
const teamHours = (N * QUESTIONS.length * 6 * 2.2) / 3600;
line('  by hand (paper, assumed rate, see README)', `${teamHours.toFixed(0)} team-hours: ${(teamHours / handTeams).toFixed(1)} h with ${handTeams} teams of two`);

if (!flags['skip-verify']) {
  t0 = performance.now();
  const report = await verifyArchiveParallel(archive, threads);
  line('verify the record: ours', `${ms(t0)} ms (${report.ok ? 'ok' : `FAILED: ${report.failure}`})`);
  t0 = performance.now();
  const inria = spawnSync('belenios-tool', ['election', 'verify', '--dir', dataDir], { encoding: 'utf8', env: { ...process.env, BELENIOS_USE_URANDOM: '1' } });
  line('verify the record: belenios-tool', inria.error ? 'not installed' : `${ms(t0)} ms (${inria.status === 0 ? 'ok' : 'FAILED'})`);
}

await app.close();
db.close();
fs.rmSync(dataDir, { recursive: true, force: true });
