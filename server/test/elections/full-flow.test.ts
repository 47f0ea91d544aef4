import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { plaintextFor, seededRandom, slotsOf, type CastReceipt, type ElectionDetail, type ElectionReminderResult, type SlotChoice, type Turnout, type VoterElection } from '@kumiai/shared';
import { verifyArchiveParallel } from '../../src/cli/election.ts';
import { tempDir } from '../helpers.ts';
import { makeBallotsOnThreads } from './ballot-threads.ts';
import { QUESTIONS, call, castBallot, codeOf, decrypt, electionInput, electionServer, ok, openElection, type Cast } from './election-fixture.ts';

/**
 * The whole election through the real server over real sockets (issue 17):
 * 500 members vote with seeded random choices (some vote again, some on
 * paper), three trustees with threshold 2 and one absent at the tally, the
 * result published; it must equal the sum of the choices, and the public
 * record must pass our verifier and belenios-tool's. Then the attacker's
 * view: the database file, its WAL, a backup and the server log hold no
 * trustee seed, no secret credential and no voter's plaintext.
 */
const VOTERS = 500;
const REVOTES = 10;
const PAPER = 5;
// A fixed seed by default, so a failure replays as it is; KUMIAI_PROPERTY_SEED=random explores.
const seedEnv = process.env.KUMIAI_PROPERTY_SEED;
const seed = seedEnv === 'random' ? Date.now() % 1_000_000 : Number(seedEnv ?? 426117);
console.log(`elections full flow: seed ${seed} (KUMIAI_PROPERTY_SEED=${seed} replays it)`);

const slots = slotsOf(QUESTIONS);
function randomChoices(rnd: () => number): SlotChoice[] {
  return slots.map((s) => {
    if (rnd() < 0.15) return { blank: true };
    return { picked: [s.answers[Math.floor(rnd() * s.answers.length)]!] };
  });
}

let cast: Cast | undefined;
afterAll(async () => cast?.server.close());

describe('an election from set-up to a published, verifiable result', () => {
  it(`${VOTERS} voters, revotes, paper ballots, one trustee of three absent`, async () => {
    const t0 = performance.now();
    const lap = (what: string) => console.log(`  ${what}: ${Math.round(performance.now() - t0)} ms`);
    cast = await electionServer(VOTERS);
    const c = cast;
    const clock = c.server.clock;
    const input = electionInput(clock.now());
    const { id, seeds } = await openElection(c, input, ['c1', 'c2', 'c3'], 2);
    const opened = await ok<ElectionDetail>(call(c, 'c1', 'GET', `/api/elections/${id}`));
    // v1…v500, the three commissioners and the admin: everyone in the union.
    expect(opened).toMatchObject({ state: 'ready', phase: 'open', rollSize: VOTERS + 4, keysReady: true });
    lap('set up, keys made, opened');

    // Voting: each voter's device fetches the kit, encrypts, casts.
    const rnd = seededRandom(seed);
    const last = new Map<string, SlotChoice[]>();
    const secrets = new Set<string>();
    const plaintexts = new Set<string>();
    const receipts = new Map<string, CastReceipt>();
    let electionRaw = '';
    const voters = Array.from({ length: VOTERS - PAPER }, (_, i) => `v${i + 1}`);
    const order = [...voters, ...voters.slice(0, REVOTES)];
    // Each voter's device fetches the kit over the member's session…
    const credentials = new Map<string, string>();
    for (const v of voters) {
      const kit = await ok<{ election: string; credential: string }>(call(c, v, 'GET', `/api/me/elections/${id}/ballot-kit`));
      electionRaw = kit.election;
      credentials.set(v, kit.credential);
      secrets.add(kit.credential);
    }
    // …fills it in and encrypts it (worker threads stand in for 500 phones)…
    const choices = order.map(() => randomChoices(rnd));
    const requests = order.map((v, k) => {
      const plaintext = plaintextFor(QUESTIONS, choices[k]!);
      plaintexts.add(JSON.stringify(plaintext));
      return { secret: credentials.get(v)!, plaintext };
    });
    const made = await makeBallotsOnThreads(electionRaw, requests);
    lap(`${order.length} ballots made`);
    // …and casts it; the server checks every ballot before storing it.
    for (const [k, v] of order.entries()) {
      const receipt = await ok<CastReceipt>(castBallot(c, id, v, made[k]!));
      expect(receipt.replaced).toBe(last.has(v));
      last.set(v, choices[k]!);
      receipts.set(v, receipt);
    }
    lap(`${order.length} ballots cast`);

    // Paper: the last five vote at the polling station.
    const paperVoters = Array.from({ length: PAPER }, (_, i) => `v${VOTERS - PAPER + i + 1}`);
    for (const v of paperVoters) await ok(call(c, 'c2', 'POST', `/api/elections/${id}/paper/voters`, { memberId: v }));
    const turnout = await ok<Turnout>(call(c, 'c1', 'GET', `/api/elections/${id}/turnout`));
    expect(turnout).toMatchObject({ electorate: VOTERS + 4, votedOnline: VOTERS - PAPER, votedPaper: PAPER });
    // The union's own four members (c1–c3, admin) are fewer than 10: merged into the one row without a unit.
    expect(turnout.byUnit.find((u) => u.unitId === null)).toEqual({ unitId: null, unitPath: [], electorate: 4, voted: 0 });
    expect(turnout.byUnit.filter((u) => u.unitId !== null).map((u) => u.unitId).sort()).toEqual(['wA1', 'wB1']);
    const reminded = await ok<ElectionReminderResult>(call(c, 'c1', 'POST', `/api/elections/${id}/remind`));
    expect(reminded).toEqual({ notVoted: 4, pushed: 0, withoutPush: 4 });
    expect((await ok<VoterElection[]>(call(c, 'c3', 'GET', '/api/me/elections')))[0]).toMatchObject({ voted: null, remindedAt: clock.now() });

    // Close, paper totals, tally; trustees c1 and c2 decrypt, c3 is absent.
    const early = await call(c, 'c1', 'POST', `/api/elections/${id}/tally`);
    expect([early.status, codeOf(early)]).toEqual([409, 'election_wrong_state']);
    clock.advance(input.closesAt - clock.now());
    const paperTotals = [
      [0, 3, 2],
      [1, 2, 1, 1],
      [0, 4, 1],
    ];
    await ok(call(c, 'c1', 'PUT', `/api/elections/${id}/paper/totals`, { totals: paperTotals }));
    await ok(call(c, 'c1', 'POST', `/api/elections/${id}/tally`));
    lap('tallied (encrypted)');
    for (const t of ['c1', 'c2']) await ok(decrypt(c, id, t, seeds.get(t)!));
    const late = await ok<{ step: string }>(call(c, 'c3', 'GET', `/api/elections/${id}/trustee`));
    expect(late.step).toBe('done');
    const published = await ok<ElectionDetail>(call(c, 'c1', 'POST', `/api/elections/${id}/publish`));
    lap('decrypted and published');

    // The published outcome is the sum of the last choices (online) plus the paper totals.
    const expected = slots.map((s) => [0, ...s.answers.map(() => 0)]);
    for (const choices of last.values()) plaintextFor(QUESTIONS, choices).forEach((row, i) => row.forEach((x, j) => (expected[i]![j]! += x)));
    const outcome = published.outcome!;
    expect(outcome.turnout).toEqual({ online: VOTERS - PAPER, paper: PAPER, total: VOTERS });
    expect(outcome.quorumMet).toBe(true);
    outcome.questions.forEach((q, i) => {
      expect([q.blank.online, ...q.counts.map((x) => x.online)]).toEqual(expected[i]);
      expect([q.blank.paper, ...q.counts.map((x) => x.paper)]).toEqual(paperTotals[i]);
    });
    const chair = outcome.questions[1]!;
    const top = Math.max(...chair.counts.map((x) => x.total));
    expect(chair.winners.concat(chair.tied).every((w) => chair.counts.find((x) => x.answer === w)!.total === top)).toBe(true);
    const notice = c.server.db.prepare("SELECT title, body FROM notices WHERE title LIKE '開票結果%'").get() as { title: string; body: string };
    expect(notice.title).toBe(`開票結果: ${input.title}`);
    expect(notice.body).toContain(`投票 ${VOTERS}（電子 ${VOTERS - PAPER}、紙 ${PAPER}）`);

    // The public record: ours and belenios-tool's verifier accept it; each voter finds the tracker of their last ballot in it.
    const bytes = await download(c, `/api/me/elections/${id}/archive.bel`);
    const dir = tempDir('kumiai-bel-');
    fs.writeFileSync(path.join(dir, 'election.bel'), bytes);
    // Both verifiers at once (two cores): belenios-tool in its process, ours on threads.
    const belenios = beleniosVerify(dir);
    const report = await verifyArchiveParallel(bytes, 2);
    expect(report.failure).toBeUndefined();
    expect(report.ok).toBe(true);
    expect(report.ballots).toBe(order.length);
    expect(report.tallied).toBe(VOTERS - PAPER);
    expect(report.result!.map((r) => r.map(Number))).toEqual(expected);
    const trackers = new Set(report.trackers!.map((t) => t.tracker));
    for (const r of receipts.values()) expect(trackers.has(r.tracker)).toBe(true);
    const inria = await belenios;
    expect(inria.code).toBe(0);
    expect(inria.out).toContain('all checks passed');
    lap('verified by ours and by belenios-tool');
    expect(electionRaw).not.toBe('');

    // The attacker: the database file, its WAL, a backup and the log, after the election.
    const record = await c.server.ops.backupNow();
    const places = {
      database: fs.readFileSync(path.join(c.server.config.dataDir, 'kumiai.sqlite')),
      wal: readIfThere(path.join(c.server.config.dataDir, 'kumiai.sqlite-wal')),
      backup: fs.readFileSync(path.join(c.server.config.ops.backupDir, record.file)),
      log: Buffer.from(c.server.logs()),
    };
    const secretsFound = (needles: Iterable<string>) =>
      Object.entries(places).flatMap(([where, bytes]) => [...needles].filter((n) => bytes.includes(n)).map((n) => `${where}: ${n.slice(0, 24)}`));
    expect(secrets.size).toBe(VOTERS - PAPER);
    expect(secretsFound(seeds.values())).toEqual([]);
    expect(secretsFound(secrets)).toEqual([]);
    expect(secretsFound(plaintexts)).toEqual([]);
    // No log line carries a tracker (next to a member or not).
    expect(secretsFound([...receipts.values()].map((r) => r.tracker)).filter((f) => f.startsWith('log'))).toEqual([]);
    lap('attacker found nothing');
    // Only a guard against a hang: ~2 min alone on 2 cores, ~3.5 min beside other suites; no figure is asserted (bench:elections-server prints them).
  }, 600_000);
});

/** belenios-tool election verify on a directory (Inria's verifier, not ours). */
function beleniosVerify(dir: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('belenios-tool', ['election', 'verify', '--dir', dir], { cwd: dir, env: { ...process.env, BELENIOS_USE_URANDOM: '1' } });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.once('error', (e) => reject(new Error(`belenios-tool is missing (npm test installs it; or apt-get install belenios-tool): ${e.message}`)));
    child.once('close', (code) => resolve({ code, out }));
  });
}

function readIfThere(file: string): Buffer {
  return fs.existsSync(file) ? fs.readFileSync(file) : Buffer.alloc(0);
}

/** The archive's bytes as a member's browser downloads them. */
async function download(c: Cast, url: string): Promise<Uint8Array> {
  const res = await fetch(`${c.server.base}${url}`, { headers: c.as('v1') });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}
