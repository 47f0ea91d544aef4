/**
 * `pnpm bench:elections [--ballots 10000] [--samples 20]`: the election core's
 * figures on this machine, with belenios-tool's time on the same archive
 * beside ours. See bench/README.md ("Election core").
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createBallot, issueCredentials, makeElection, combineKeys, generateSingleKey, groupOps, verifyArchive, verifyBallot, type Question } from '@kumiai/shared/elections/crypto/index';
import { randomPlaintext, seededRandom, simulateElection } from '@kumiai/shared/elections/simulate';

const { values: flags } = parseArgs({ options: { ballots: { type: 'string', default: '10000' }, samples: { type: 'string', default: '20' }, help: { type: 'boolean', default: false } } });
if (flags.help) {
  process.stdout.write('pnpm bench:elections [--ballots 10000] [--samples 20]\n');
  process.exit(0);
}
const N = Number(flags.ballots);
const SAMPLES = Number(flags.samples);
const ms = (x: number) => `${x.toFixed(1)} ms`;
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
  console.log(`${label}: ballot generation ${ms(median(gen))} (median of ${samples}), server verification ${ms(median(ver))} per ballot, ballot ${(size / 1024).toFixed(1)} KiB`);
}

console.log(`Node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), group BELENIOS-2048`);
perBallot('1 question / 5 choices', oneQuestion, SAMPLES);
perBallot('8 questions / 5 choices each', eightQuestions, Math.max(3, Math.floor(SAMPLES / 4)));

console.log(`\nwhole election of ${N} ballots (1 question / 5 choices, server key + 3 trustees threshold 2, one absent)…`);
const t0 = performance.now();
const o = simulateElection({
  voters: N,
  trustees: 3,
  threshold: 2,
  absent: 1,
  seed: 1,
  revotes: 0,
  timestamp: BigInt(Math.floor(Date.now() / 1000)),
  template: { name: 'bench', description: '', questions: oneQuestion },
  clock: () => performance.now(),
  log: (l) => console.log(`  ${l} (${((performance.now() - t0) / 1000).toFixed(0)} s)`),
});
const t = o.timings;
console.log(`  ballot generation ${ms((t['ballot generation'] ?? 0) / N)} per ballot; server verification on cast ${ms((t['ballot verification'] ?? 0) / N)} per ballot`);
console.log(`  encrypted tally of ${N} ballots: ${ms(t['encrypted tally'] ?? 0)}; partial decryptions ${ms(t['partial decryptions'] ?? 0)}; decryption ${ms(t.decryption ?? 0)}`);
console.log(`  archive: ${(o.archive.length / 1024 / 1024).toFixed(2)} MiB, ${(o.archive.length / N / 1024).toFixed(2)} KiB per ballot`);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kumiai-bench-bel-'));
fs.writeFileSync(path.join(dir, 'bench.bel'), o.archive);
let v = performance.now();
const report = verifyArchive(o.archive);
const ours = performance.now() - v;
if (!report.ok) throw new Error(`our verifier refused our archive: ${report.failure}`);
v = performance.now();
const bel = spawnSync('belenios-tool', ['election', 'verify', '--dir', dir], { encoding: 'utf8' });
const theirs = performance.now() - v;
const belOk = bel.status === 0 && bel.stderr.includes('all checks passed');
console.log(`\nfull verification of the archive (${N} ballots):`);
console.log(`  ours (TypeScript, BigInt): ${(ours / 1000).toFixed(2)} s (${ms(ours / N)} per ballot)`);
console.log(bel.error ? `  belenios-tool: not installed (apt-get install belenios-tool)` : `  belenios-tool 2.0 (OCaml, GMP): ${(theirs / 1000).toFixed(2)} s (${ms(theirs / N)} per ballot), ${belOk ? 'all checks passed' : `FAILED: ${bel.stderr.trim().split('\n').at(-1)}`}`);
if (!bel.error) console.log(`  ratio ours / belenios-tool: ${(ours / theirs).toFixed(1)}×`);
fs.rmSync(dir, { recursive: true, force: true });
