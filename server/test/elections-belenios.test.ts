/**
 * Interoperability with Debian's belenios-tool 2.0, the independent oracle
 * (installed by `npm test`, like Chromium; never skipped):
 *   ours → belenios: our archives verify and give the same result;
 *   belenios → ours: its ballots and its whole demo election verify with ours;
 *   tampering: one altered byte is refused by both tools, each naming why.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
  ArchiveBuilder,
  BallotBox,
  deriveCredentialSecret,
  hashToZq,
  loadElection,
  mod,
  parseArchive,
  publicCredential,
  randomBelow,
  readBallot,
  readEvent,
  readSetupData,
  readStringList,
  sha256B64,
  verifyArchive,
  writeBallot,
  writeResult,
  type ArchiveRecord,
} from '@kumiai/shared/elections/crypto/index';
import { simulateElection, type SimulateOutcome } from '@kumiai/shared/elections/simulate';
import { verifyArchiveParallel } from '../src/cli/election.ts';
import { runCli } from '../src/cli/main.ts';
import { tempDir } from './helpers.ts';

function belenios(args: string[], cwd: string, input?: string) {
  const r = spawnSync('belenios-tool', args, { cwd, input, encoding: 'utf8', env: { ...process.env, BELENIOS_USE_URANDOM: '1' } });
  if (r.error) throw new Error(`belenios-tool is missing (npm test installs it; or apt-get install belenios-tool): ${r.error.message}`);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Writes an archive alone in a fresh directory (belenios-tool reads every *.bel in --dir). */
function inDir(bytes: Uint8Array, name = 'election.bel'): string {
  const dir = tempDir('kumiai-bel-');
  fs.writeFileSync(path.join(dir, name), bytes);
  return dir;
}

const beleniosVerify = (dir: string) => belenios(['election', 'verify', '--dir', dir], dir);
const now = () => BigInt(Math.floor(Date.now() / 1000));

/**
 * Rewrites an archive record by record, re-hashing whatever a change touches
 * so that the tar layout and the references stay consistent: only the altered
 * content itself is wrong.
 */
function rechain(bytes: Uint8Array, alter: (r: ArchiveRecord, index: number) => string | null): Uint8Array {
  const a = parseArchive(bytes);
  const b = new ArchiveBuilder(a.timestamp);
  const remap = new Map<string, string>();
  a.records.forEach((r, i) => {
    let content = r.content;
    for (const [from, to] of remap) content = content.replaceAll(from, to);
    content = alter({ ...r, content }, i) ?? content;
    const h = b.record(r.kind, content);
    if (h !== r.hash) remap.set(r.hash, h);
  });
  return b.bytes();
}

/** Changes one decimal digit a few places after `marker` (the n-th occurrence). */
function flipDigit(content: string, marker: string, nth = 0): string {
  let at = -1;
  for (let k = 0; k <= nth; k++) at = content.indexOf(marker, at + 1);
  if (at < 0) throw new Error(`marker ${marker} not found`);
  const i = at + marker.length + 7;
  return content.slice(0, i) + (content[i] === '5' ? '6' : '5') + content.slice(i + 1);
}

const dataOf = (bytes: Uint8Array, type: string) => {
  const a = parseArchive(bytes);
  const payloads = a.records.filter((r) => r.kind === 'event').map((r) => readEvent(r.content)).filter((e) => e.type === type).map((e) => e.payload);
  return a.records.map((r, i) => ({ r, i })).filter(({ r }) => payloads.includes(r.hash));
};

describe('belenios-tool 2.0 as the oracle', () => {
  let seed: number;
  beforeAll(() => {
    seed = Number(process.env.KUMIAI_ELECTION_SEED ?? Math.floor(Math.random() * 2 ** 31));
    console.log(`election simulation seed: ${seed} (set KUMIAI_ELECTION_SEED to replay)`);
  });

  it('ours → belenios: 50 voters, 3 trustees with threshold 2, one absent, a weighted voter, blank ballots: accepted with the same result', () => {
    const o = simulateElection({ voters: 50, trustees: 3, threshold: 2, absent: 1, seed, delegateWeight: 5n, timestamp: now(), checkBallots: false });
    expect(o.blankBallots).toBeGreaterThan(0);
    expect(o.computed).toEqual(o.expected);
    const dir = inDir(o.archive);
    const v = beleniosVerify(dir);
    expect(v.stderr).toContain('all checks passed');
    expect(v.code).toBe(0);
    const r = belenios(['election', 'compute-result', '--dir', dir], dir);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(writeResult(o.computed));
    const ours = verifyArchive(o.archive);
    expect(ours.failure).toBeUndefined();
    expect(ours.result).toEqual(o.expected);
    expect(ours.totalWeight).toBe(54n);
  }, 120_000);

  describe('on a small election of ours', () => {
    let small: SimulateOutcome;
    beforeAll(() => {
      small = simulateElection({ voters: 3, trustees: 3, threshold: 2, absent: 1, seed, timestamp: now(), revotes: 0 });
      expect(beleniosVerify(inDir(small.archive)).code).toBe(0);
      expect(verifyArchive(small.archive).ok).toBe(true);
    }, 60_000);

    it('belenios → ours: ballots made by belenios-tool generate-ballot are accepted by our ballot box', () => {
      const dir = inDir(small.archive);
      const a = parseArchive(small.archive);
      const byHash = new Map(a.records.map((r) => [r.hash, r.content]));
      const setup = readSetupData(byHash.get(readEvent(a.records.find((r) => r.kind === 'event')!.content).payload!)!);
      const election = loadElection(byHash.get(setup.election)!);
      const box = new BallotBox(election, readStringList(byHash.get(setup.credentials)!, 'credentials'));
      const plaintexts = ['[[0,0,1,0],[1,1,0]]', '[[1,0,0,0],[0,0,0]]'];
      plaintexts.forEach((m, i) => {
        fs.writeFileSync(path.join(dir, 'cred'), small.secrets[i]!);
        fs.writeFileSync(path.join(dir, 'ballot'), m);
        const g = belenios(['election', 'generate-ballot', '--dir', dir, '--privcred', 'cred', '--ballot', 'ballot'], dir);
        expect(g.code, g.stderr).toBe(0);
        const raw = g.stdout.trim();
        expect(box.cast(raw)).toMatchObject({ ok: true, tracker: sha256B64(raw) });
      });
      // A ballot of a credential that is not on the list is refused.
      const stranger = loadElection(byHash.get(setup.election)!);
      expect(new BallotBox(stranger, []).cast(box.accepted[0]!.raw)).toEqual({ ok: false, reason: 'invalid credential' });
    });

    const resign = (raw: string, secrets: string[]): string => {
      const e = loadElection(
        parseArchive(small.archive).records.find((r) => r.kind === 'data')!.content,
      );
      const b = readBallot(raw);
      const secret = secrets.find((s) => publicCredential(e.ops, e.params.uuid, s) === b.credential)!;
      const sk = deriveCredentialSecret(e.ops, e.params.uuid, secret);
      const { signature: _old, ...unsigned } = b;
      const hash = sha256B64(writeBallot(unsigned));
      const w = randomBelow(e.ops.q);
      const challenge = hashToZq(`sig|${hash}|`, [e.ops.gPow(w)], e.ops.q);
      return writeBallot({ ...unsigned, signature: { hash, proof: { challenge, response: mod(w - sk * challenge, e.ops.q) } } });
    };

    const cases: { name: string; make: () => Uint8Array; ours: RegExp }[] = [
      {
        name: 'a ballot (one digit of a ciphertext)',
        make: () => {
          const target = dataOf(small.archive, 'Ballot')[1]!.i;
          return rechain(small.archive, (r, i) => (i === target ? flipDigit(r.content, '"alpha":"') : null));
        },
        ours: /^ballots .*: signature hash does not match the ballot$/,
      },
      {
        name: 'a proof (one digit of an individual proof, ballot re-signed by its voter)',
        make: () => {
          const target = dataOf(small.archive, 'Ballot')[0]!.i;
          return rechain(small.archive, (r, i) => (i === target ? resign(flipDigit(r.content, '"individual_proofs":[[{"challenge":"'), small.secrets) : null));
        },
        ours: /^ballots .*: answer 1: individual proof 1 is invalid$/,
      },
      {
        name: 'the credential signature (one digit of its response)',
        make: () => {
          const target = dataOf(small.archive, 'Ballot')[2]!.i;
          return rechain(small.archive, (r, i) => (i === target ? flipDigit(r.content, '"response":"', r.content.split('"response":"').length - 2) : null));
        },
        ours: /^ballots .*: credential signature is invalid$/,
      },
      {
        name: 'a partial decryption (one digit of a decryption factor)',
        make: () => {
          const a = parseArchive(small.archive);
          const owned = dataOf(small.archive, 'PartialDecryption').map(({ r }) => JSON.parse(r.content) as { payload: string });
          const target = a.records.findIndex((r) => r.hash === owned[1]!.payload);
          return rechain(small.archive, (r, i) => (i === target ? flipDigit(r.content, '"decryption_factors":[["') : null));
        },
        ours: /^partial decryptions combine .*: partial decryption of trustee \d: decryption proof for question 1, answer 1 is invalid$/,
      },
      {
        name: 'the event chain (one hex digit of a parent)',
        make: () => {
          const a = parseArchive(small.archive);
          const target = a.records.findIndex((r) => r.kind === 'event' && readEvent(r.content).height === 3);
          return rechain(small.archive, (r, i) => (i === target ? r.content.replace(/"parent":"(.)/, (_m, c: string) => `"parent":"${c === 'a' ? 'b' : 'a'}`) : null));
        },
        ours: /^event chain .*: hash [0-9a-f]{64} not found$/,
      },
      {
        name: 'any byte of the file (no re-hashing)',
        make: () => {
          const copy = new Uint8Array(small.archive);
          const at = Math.floor(copy.length / 2);
          copy[at] = copy[at] === 0x35 ? 0x36 : 0x35;
          return copy;
        },
        ours: /^archive format .*/,
      },
    ];

    for (const c of cases) {
      it(`tampering with ${c.name} is refused by both tools`, () => {
        const bytes = c.make();
        expect(Buffer.from(bytes).equals(Buffer.from(small.archive))).toBe(false);
        const report = verifyArchive(bytes);
        expect(report.ok).toBe(false);
        expect(report.failure).toMatch(c.ours);
        const theirs = beleniosVerify(inDir(bytes));
        expect(theirs.code).not.toBe(0);
        expect(theirs.stderr).not.toContain('all checks passed');
        console.log(`${c.name}\n  ours:     ${report.failure}\n  belenios: ${theirs.stderr.trim().split('\n').filter((l) => !l.startsWith('I: ')).at(-1)}`);
      }, 60_000);
    }

    it('verification threads (the CLI) give exactly the single-thread report: valid, each tampering, a credential outside the group', async () => {
      const outside = () => {
        const a = parseArchive(small.archive);
        const byHash = new Map(a.records.map((r) => [r.hash, r.content]));
        const setup = readSetupData(byHash.get(readEvent(a.records.find((r) => r.kind === 'event')!.content).payload!)!);
        const target = a.records.findIndex((r) => r.hash === setup.credentials);
        const first = readStringList(a.records[target]!.content, 'public_credentials')[0]!;
        const p = loadElection(a.records.find((r) => r.hash === setup.election)!.content).ops.p;
        // p - c: still < p, but -1 times a member, and -1 has order 2: outside the order-q subgroup.
        return rechain(small.archive, (r, i) => (i === target ? r.content.replace(first, String(p - BigInt(first))) : null));
      };
      const errors = vi.spyOn(console, 'error');
      try {
        for (const bytes of [small.archive, ...cases.map((c) => c.make()), outside()]) {
          const single = verifyArchive(bytes);
          expect(await verifyArchiveParallel(bytes, 2)).toEqual(single);
          expect(await verifyArchiveParallel(bytes, 3)).toEqual(single);
        }
        expect(errors).not.toHaveBeenCalled(); // the threads ran (no fallback to this thread)
      } finally {
        vi.restoreAllMocks();
      }
      expect(verifyArchive(outside()).failure).toMatch(/^public credentials .* is not a valid public credential$/);
    }, 120_000);

    it('pnpm kumiai election verify: exit 0 and the result on the archive, exit 1 naming the failure on a tampered one', async () => {
      const out: string[] = [];
      vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
      vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
      try {
        const dir = inDir(small.archive);
        expect(await runCli(['election', 'verify', path.join(dir, 'election.bel')])).toBe(0);
        expect(out.join('\n')).toContain('all checks passed');
        out.length = 0;
        fs.writeFileSync(path.join(dir, 'bad.bel'), cases[4]!.make());
        expect(await runCli(['election', 'verify', path.join(dir, 'bad.bel')])).toBe(1);
        expect(out.join('\n')).toMatch(/FAILED: event chain .* not found/);
      } finally {
        vi.restoreAllMocks();
      }
    });
  });

  it('belenios → ours: an election run entirely by belenios-tool (its demo flow) verifies with ours, same result', () => {
    const dir = tempDir('kumiai-bel-demo-');
    const script = fs.readFileSync(path.join(import.meta.dirname, 'fixtures/belenios/demo-flow.sh'), 'utf8');
    const run = spawnSync('bash', ['-c', script], { cwd: dir, encoding: 'utf8', env: { ...process.env, BELENIOS_USE_URANDOM: '1' } });
    expect(run.status, run.stderr).toBe(0);
    const file = fs.readdirSync(dir).find((f) => f.endsWith('.bel'))!;
    const report = verifyArchive(new Uint8Array(fs.readFileSync(path.join(dir, file))));
    expect(report.failure).toBeUndefined();
    const theirs = belenios(['election', 'compute-result', '--dir', dir], dir);
    expect(writeResult(report.result!)).toBe(theirs.stdout.trim());
    expect(report.result?.map((q) => q.map(Number))).toEqual([
      [3, 1],
      [2, 2, 1],
    ]);
  }, 60_000);
});
