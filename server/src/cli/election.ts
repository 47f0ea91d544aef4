/**
 * `pnpm kumiai election verify FILE.bel` and `pnpm kumiai election simulate …`:
 * the election core from the command line, without the database.
 */
import fs from 'node:fs';
import os from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { checkChain, loadElection, parseArchive, parsePublicCredential, readSetupData, readStringList, verifyArchive, verifyBallot, type BallotVerdict, type PrecomputedChecks, type VerifyReport } from '@kumiai/shared/elections/crypto/index';
import { simulateElection } from '@kumiai/shared/elections/simulate';

export interface OfflineCommand {
  usage: string;
  summary: string;
  options: Record<string, { type: 'string' | 'boolean' }>;
  positionals?: number;
  offline: (values: Record<string, string | boolean | undefined>, positionals: string[]) => number | Promise<number>;
}

function printResult(report: VerifyReport): void {
  const questions = report.election?.questions ?? [];
  report.result?.forEach((row, i) => {
    const q = questions[i];
    console.log(`  ${q?.question ?? `question ${i + 1}`}`);
    const labels = q ? [...(q.blank ? ['(blank)'] : []), ...q.answers] : row.map((_, j) => `answer ${j + 1}`);
    row.forEach((v, j) => console.log(`    ${String(v).padStart(6)}  ${labels[j] ?? ''}`));
  });
}

// --- Worker threads for `election verify` -------------------------------------------------------
// The library is pure and single-threaded; here the ballots' proofs and the
// public credentials' group tests, which are independent and take almost all
// the time, are spread over worker threads running this same file. The
// verdicts are handed to verifyArchive, which does everything else (and any
// ballot or credential not covered) in order, so the report is the same as
// a single-threaded run's.

const WORKER_KIND = 'kumiai-election-verify';
interface WorkerInit {
  kind: typeof WORKER_KIND;
  electionRaw: string;
  credentials: string[];
}
interface Job {
  id: number;
  credentials: string[];
  ballots: string[];
}
interface JobDone {
  id: number;
  validCredentials: string[];
  verdicts: BallotVerdict[];
}
const BALLOTS_PER_JOB = 25;
const CREDENTIALS_PER_JOB = 100;

function workerMain(init: WorkerInit): void {
  const election = loadElection(init.electionRaw);
  // The credentials of L, parsed without the group test: verifyArchive only uses these verdicts once every line of L passed it.
  const listed = new Set<bigint>();
  for (const line of init.credentials) {
    const c = parsePublicCredential(election.ops, line, true);
    if (c) listed.add(c.key);
  }
  const isListed = (c: bigint) => listed.has(c);
  parentPort!.on('message', (job: Job) => {
    const done: JobDone = {
      id: job.id,
      validCredentials: job.credentials.filter((line) => parsePublicCredential(election.ops, line) !== null),
      verdicts: job.ballots.map((raw) => {
        const r = verifyBallot(election, raw, isListed);
        return r.ok ? null : r.reason;
      }),
    };
    parentPort!.postMessage(done);
  });
}
if (!isMainThread && (workerData as Partial<WorkerInit> | null)?.kind === WORKER_KIND) workerMain(workerData as WorkerInit);

/** The election, credential lines and ballots of an archive, or null when it does not even parse (verifyArchive will say why). */
function archiveWork(bytes: Uint8Array): { electionRaw: string; credentials: string[]; ballots: string[] } | null {
  try {
    const archive = parseArchive(bytes);
    const { events } = checkChain(archive);
    const get = new Map(archive.records.map((r) => [r.hash, r.content]));
    const setup = readSetupData(get.get(events[0]!.event.payload!)!);
    const electionRaw = get.get(setup.election)!;
    loadElection(electionRaw);
    const credentials = readStringList(get.get(setup.credentials)!, 'public_credentials');
    const ballots = events.filter((e) => e.event.type === 'Ballot').map((e) => get.get(e.event.payload!)!);
    return { electionRaw, credentials, ballots };
  } catch {
    return null;
  }
}

/** A verification thread running this file; under tsx (`node --import tsx`) a worker does not inherit the TypeScript loader, so it registers it first. */
function startWorker(init: WorkerInit): Worker {
  const self = import.meta.url;
  if (!self.endsWith('.ts')) return new Worker(new URL(self), { workerData: init });
  const tsx = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(self)}); });`;
  return new Worker(code, { eval: true, workerData: init });
}

/** Default number of verification threads: the machine's cores. */
export const defaultThreads = (): number => os.availableParallelism();

/**
 * verifyArchive with the ballots and credentials checked on `threads` worker
 * threads first (1 = all in this thread). Same report as verifyArchive(bytes).
 */
export async function verifyArchiveParallel(bytes: Uint8Array, threads = defaultThreads()): Promise<VerifyReport> {
  const work = threads > 1 ? archiveWork(bytes) : null;
  if (!work || work.ballots.length + work.credentials.length === 0) return verifyArchive(bytes);
  const jobs: Job[] = [];
  for (let i = 0; i < work.credentials.length; i += CREDENTIALS_PER_JOB) jobs.push({ id: jobs.length, credentials: work.credentials.slice(i, i + CREDENTIALS_PER_JOB), ballots: [] });
  for (let i = 0; i < work.ballots.length; i += BALLOTS_PER_JOB) jobs.push({ id: jobs.length, credentials: [], ballots: work.ballots.slice(i, i + BALLOTS_PER_JOB) });
  const ballots = new Map<string, BallotVerdict>();
  const credentials = new Set<string>();
  const init: WorkerInit = { kind: WORKER_KIND, electionRaw: work.electionRaw, credentials: work.credentials };
  const workers: Worker[] = [];
  try {
    for (let i = 0; i < Math.min(threads, jobs.length); i++) workers.push(startWorker(init));
    await new Promise<void>((resolve, reject) => {
      let next = 0;
      let pending = 0;
      const feed = (w: Worker) => {
        if (next < jobs.length) {
          pending++;
          w.postMessage(jobs[next++]);
        } else if (pending === 0) resolve();
      };
      for (const w of workers) {
        w.on('message', (done: JobDone) => {
          pending--;
          const job = jobs[done.id]!;
          for (const line of done.validCredentials) credentials.add(line);
          job.ballots.forEach((raw, i) => ballots.set(raw, done.verdicts[i]!));
          feed(w);
        });
        w.on('error', reject);
        w.on('exit', (code) => code !== 0 && reject(new Error(`verification thread exited with code ${code}`)));
        feed(w);
      }
    });
  } catch (error) {
    console.error(`verification threads failed (${(error as Error).message}); verifying in this thread`);
    return verifyArchive(bytes);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  const precomputed: PrecomputedChecks = { ballots, credentials };
  return verifyArchive(bytes, precomputed);
}

const verify: OfflineCommand = {
  usage: 'election verify FILE.bel [--threads N]',
  summary: 'audit a Belenios 2.0 election archive (every check of the spec §3.5); exit 0 only when all pass',
  options: { threads: { type: 'string' } },
  positionals: 1,
  offline: async (values, [file]) => {
    const threads = values.threads === undefined ? defaultThreads() : Number(values.threads);
    if (!Number.isInteger(threads) || threads < 1) {
      console.error('--threads must be an integer ≥ 1');
      return 2;
    }
    const started = performance.now();
    const report = await verifyArchiveParallel(new Uint8Array(fs.readFileSync(file!)), threads);
    for (const check of report.passed) console.log(`ok  ${check}`);
    for (const w of report.warnings) console.log(`warning: ${w}`);
    if (report.election) console.log(`election ${report.election.uuid} “${report.election.name}”: ${report.ballots ?? 0} ballots accepted, ${report.tallied ?? 0} tallied, total weight ${report.totalWeight ?? 0n}`);
    if (!report.ok) {
      console.error(`FAILED: ${report.failure}`);
      return 1;
    }
    if (report.result) {
      console.log('result:');
      printResult(report);
    }
    console.log(`all checks passed (${Math.round(performance.now() - started)} ms)`);
    return 0;
  },
};

const positiveInt = (v: string | boolean | undefined, name: string, min: number, fallback?: number): number => {
  if (v === undefined && fallback !== undefined) return fallback;
  const n = Number(v);
  if (typeof v !== 'string' || !Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer ≥ ${min}`);
  return n;
};

const simulate: OfflineCommand = {
  usage: 'election simulate --voters N --trustees N --threshold T [--absent K] [--seed S] [--delegate-weight W] --out FILE.bel',
  summary: 'run a whole election (setup, random ballots incl. blank ones, threshold tally) and write its archive',
  options: { voters: { type: 'string' }, trustees: { type: 'string' }, threshold: { type: 'string' }, absent: { type: 'string' }, seed: { type: 'string' }, 'delegate-weight': { type: 'string' }, out: { type: 'string' } },
  offline: (values) => {
    let opts;
    try {
      if (typeof values.out !== 'string') throw new Error('--out FILE.bel is required');
      opts = {
        voters: positiveInt(values.voters, 'voters', 1),
        trustees: positiveInt(values.trustees, 'trustees', 1),
        threshold: positiveInt(values.threshold, 'threshold', 1),
        absent: positiveInt(values.absent, 'absent', 0, 0),
        seed: positiveInt(values.seed, 'seed', 0, Math.floor(Math.random() * 2 ** 31)),
        delegateWeight: BigInt(positiveInt(values['delegate-weight'], 'delegate-weight', 1, 1)),
      };
    } catch (error) {
      console.error((error as Error).message);
      return 2;
    }
    console.log(`seed ${opts.seed}`);
    let outcome;
    try {
      outcome = simulateElection({ ...opts, timestamp: BigInt(Math.floor(Date.now() / 1000)), log: (l) => console.log(l), clock: () => performance.now() });
    } catch (error) {
      console.error((error as Error).message);
      return 2;
    }
    fs.writeFileSync(values.out, outcome.archive);
    const fmt = (r: bigint[][]) => JSON.stringify(r.map((q) => q.map(Number)));
    console.log(`expected (sum of the plaintexts, weighted): ${fmt(outcome.expected)}`);
    console.log(`computed (decrypted homomorphic tally):     ${fmt(outcome.computed)}`);
    console.log(`timings (ms): ${Object.entries(outcome.timings).map(([k, v]) => `${k} ${Math.round(v)}`).join(', ')}`);
    console.log(`wrote ${values.out} (${outcome.archive.length} bytes, election ${outcome.uuid})`);
    const same = fmt(outcome.expected) === fmt(outcome.computed);
    if (!same) console.error('MISMATCH between expected and computed results');
    return same ? 0 : 1;
  },
};

export const electionCommands: Record<string, OfflineCommand> = { 'election verify': verify, 'election simulate': simulate };
