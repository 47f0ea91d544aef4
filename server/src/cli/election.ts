/**
 * `pnpm kumiai election verify FILE.bel` and `pnpm kumiai election simulate …`:
 * the election core from the command line, without the database.
 */
import fs from 'node:fs';
import { verifyArchive, type VerifyReport } from '@kumiai/shared/elections/crypto/index';
import { simulateElection } from '@kumiai/shared/elections/simulate';

export interface OfflineCommand {
  usage: string;
  summary: string;
  options: Record<string, { type: 'string' | 'boolean' }>;
  positionals?: number;
  offline: (values: Record<string, string | boolean | undefined>, positionals: string[]) => number;
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

const verify: OfflineCommand = {
  usage: 'election verify FILE.bel',
  summary: 'audit a Belenios 2.0 election archive (every check of the spec §3.5); exit 0 only when all pass',
  options: {},
  positionals: 1,
  offline: (_values, [file]) => {
    const started = performance.now();
    const report = verifyArchive(new Uint8Array(fs.readFileSync(file!)));
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
