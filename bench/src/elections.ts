/**
 * `pnpm bench:elections [--ballots 10000] [--compare 1000] [--samples 20] [--threads N] [--budget 600]`:
 * the election core's figures on this machine, beside belenios-tool's on the
 * same archives. See bench/README.md ("Election core").
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createBallot, issueCredentials, makeElection, combineKeys, generateSingleKey, groupOps, verifyBallot, type Question } from '@kumiai/shared/elections/crypto/index';
import { randomPlaintext, seededRandom, simulateElection, type SimulateOutcome } from '@kumiai/shared/elections/simulate';
import { defaultThreads, verifyArchiveParallel } from '@kumiai/server/src/cli/election.ts';
import { makeBallotsOnThreads } from './elections-pool.ts';

const USAGE = 'pnpm bench:elections [--ballots 10000] [--compare 1000] [--samples 20] [--threads N] [--budget 600]\n';
const { values: flags } = parseArgs({
  options: {
    ballots: { type: 'string', default: '10000' },
    compare: { type: 'string', default: '1000' },
    samples: { type: 'string', default: '20' },
    threads: { type: 'string' },
    budget: { type: 'string', default: '600' },
    help: { type: 'boolean', default: false },
  },
});
if (flags.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}
const int = (v: string | undefined, name: string, min: number) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) {
    process.stderr.write(`--${name} must be an integer ≥ ${min}\n${USAGE}`);
    process.exit(2);
  }
  return n;
};
const N = int(flags.ballots, 'ballots', 1);
const C = Math.min(int(flags.compare, 'compare', 1), N);
const SAMPLES = int(flags.samples, 'samples', 1);
const THREADS = flags.threads === undefined ? defaultThreads() : int(flags.threads, 'threads', 1);
const BUDGET_S = int(flags.budget, 'budget', 1);
const started = performance.now();
const elapsed = () => (performance.now() - started) / 1000;
const ms = (x: number) => `${x.toFixed(1)} ms`;
const s = (x: number) => `${(x / 1000).toFixed(1)} s`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ops = groupOps('BELENIOS-2048');

const oneQuestion: Question[] = [{ answers: ['A', 'B', 'C', 'D', 'E'], min: 1, max: 1, question: '1 question, 5 choices' }];
const eightQuestions: Question[] = Array.from({ length: 8 }, (_, i) => ({ answers: ['A', 'B', 'C', 'D', 'E'], ...(i % 2 ? { blank: true } : {}), min: 1, max: 2, question: `question ${i + 1}` }));

function perBallot(label: string, questions: Question[], samples: number): void {
  const server = generateSingleKey(ops);
  const e = makeElection({ name: label, description: '', questions }, 'benchElection12345', 'BELENIOS-2048', combineKeys(ops, [{ kind: 'Single', key: server.publicKey }]));
  const { issued } = issueCredentials(ops, e.params.uuid, [{ id: 'v' }]);
  const rnd = seededRandom(7);
  const gen: number[] = [];
  const ver: number[] = [];
  let size = 0;
  for (let i = 0; i < samples; i++) {
    const m = randomPlaintext({ name: '', description: '', questions }, rnd);
    let t = performance.now();
    const raw = createBallot(e, issued[0]!.secret, m);
    gen.push(performance.now() - t);
    t = performance.now();
    if (!verifyBallot(e, raw).ok) throw new Error('bench ballot refused');
    ver.push(performance.now() - t);
    size = raw.length;
  }
  console.log(`${label}: ballot generation ${ms(median(gen))}, server verification ${ms(median(ver))} per ballot (medians of ${samples}; one thread), ballot ${(size / 1024).toFixed(1)} KiB`);
}

function election(n: number, checkBallots: boolean): SimulateOutcome {
  const t0 = performance.now();
  const o = simulateElection({
    voters: n,
    trustees: 3,
    threshold: 2,
    absent: 1,
    seed: 1,
    revotes: 0,
    checkBallots,
    timestamp: BigInt(Math.floor(Date.now() / 1000)),
    template: { name: 'bench', description: '', questions: oneQuestion },
    makeBallots: makeBallotsOnThreads(THREADS),
    clock: () => performance.now(),
    log: (l) => console.log(`  ${l} (${((performance.now() - t0) / 1000).toFixed(0)} s)`),
  });
  const t = o.timings;
  console.log(`  ballot generation on ${THREADS} threads: ${s(t['ballot generation'] ?? 0)} (${ms((t['ballot generation'] ?? 0) / n)} per ballot)`);
  if (checkBallots) console.log(`  server verification on cast (BallotBox.cast, one thread): ${ms((t['ballot verification'] ?? 0) / n)} per ballot`);
  console.log(`  encrypted tally: ${ms(t['encrypted tally'] ?? 0)}; partial decryptions ${ms(t['partial decryptions'] ?? 0)}; decryption ${ms(t.decryption ?? 0)}`);
  console.log(`  archive: ${(o.archive.length / 1024 / 1024).toFixed(2)} MiB, ${(o.archive.length / n / 1024).toFixed(2)} KiB per ballot`);
  return o;
}

async function ours(o: SimulateOutcome, threads: number): Promise<number> {
  const t = performance.now();
  const report = await verifyArchiveParallel(o.archive, threads);
  if (!report.ok) throw new Error(`our verifier refused our archive: ${report.failure}`);
  return performance.now() - t;
}

/** belenios-tool election verify on the archive: its wall time, or why it has none. */
function belenios(o: SimulateOutcome): { ms: number } | { error: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kumiai-bench-bel-'));
  try {
    fs.writeFileSync(path.join(dir, 'bench.bel'), o.archive);
    const t = performance.now();
    const r = spawnSync('belenios-tool', ['election', 'verify', '--dir', dir], { encoding: 'utf8' });
    const took = performance.now() - t;
    if (r.error) return { error: 'not installed (apt-get install belenios-tool)' };
    if (r.status !== 0 || !r.stderr.includes('all checks passed')) return { error: `FAILED: ${r.stderr.trim().split('\n').at(-1)}` };
    return { ms: took };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const rows: string[][] = [];
const row = (figure: string, oursText: string, theirs: string, ratio = '') => {
  rows.push([figure, oursText, theirs, ratio]);
  console.log(`  ${figure}: ours ${oursText}; belenios-tool ${theirs}${ratio ? `; ours/belenios ${ratio}` : ''}`);
};
const perB = (x: number, n: number) => `${s(x)} (${ms(x / n)}/ballot)`;

console.log(`Node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}, group BELENIOS-2048, ${THREADS} verification threads`);
perBallot('1 question / 5 choices', oneQuestion, SAMPLES);
perBallot('8 questions / 5 choices each', eightQuestions, Math.max(3, Math.floor(SAMPLES / 4)));

console.log(`\nelection of ${C} ballots (1 question / 5 choices, server key + 3 trustees threshold 2, one absent), each verified on cast…`);
const small = election(C, true);
const small1 = await ours(small, 1);
const smallT = THREADS > 1 ? await ours(small, THREADS) : small1;
const belSmall = belenios(small);
const belText = (b: ReturnType<typeof belenios>, n: number) => ('ms' in b ? perB(b.ms, n) : b.error);
const ratio = (x: number, b: ReturnType<typeof belenios>) => ('ms' in b ? `${(x / b.ms).toFixed(2)}×` : '');
console.log(`full verification of the ${C}-ballot archive:`);
row(`full verification, ${C} ballots, one thread`, perB(small1, C), belText(belSmall, C), ratio(small1, belSmall));
if (THREADS > 1) row(`full verification, ${C} ballots, ${THREADS} threads`, perB(smallT, C), belText(belSmall, C), ratio(smallT, belSmall));

if (N > C) {
  console.log(`\nelection of ${N} ballots (same setup; ballots not verified on cast: the full verification below does it)…`);
  const big = election(N, false);
  const bigT = await ours(big, THREADS);
  // belenios-tool's time scales with the ballots: run it on the big archive only if the projection fits the budget.
  const projected = 'ms' in belSmall ? (belSmall.ms * N) / C / 1000 : Infinity;
  const left = BUDGET_S - elapsed();
  if (projected < left) {
    const belBig = belenios(big);
    row(`full verification, ${N} ballots, ${THREADS} threads`, perB(bigT, N), belText(belBig, N), ratio(bigT, belBig));
  } else {
    const why = 'ms' in belSmall ? `not run: ~${projected.toFixed(0)} s projected from the ${C}-ballot run, ${Math.max(0, left).toFixed(0)} s left of the ${BUDGET_S} s budget (compare on ${C} ballots above)` : belSmall.error;
    row(`full verification, ${N} ballots, ${THREADS} threads`, perB(bigT, N), why);
  }
}

console.log(`\n| figure | ours | belenios-tool 2.0 | ours / belenios |\n|---|---|---|---|`);
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
console.log(`\ntotal ${elapsed().toFixed(0)} s`);
