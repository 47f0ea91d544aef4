/**
 * A whole election run through the library, for demonstrations, audits and
 * tests: setup with a credential authority and threshold trustees, random
 * ballots (blank ones and a revote included), the tally with some trustees
 * absent, and the .bel archive. Pure: the caller writes the bytes.
 * The seed drives only the voters' choices and weights; every secret comes
 * from crypto.getRandomValues.
 */
import { ArchiveBuilder } from './crypto/archive.ts';
import { createBallot, type Plaintext } from './crypto/ballot.ts';
import { issueCredentials } from './crypto/credentials.ts';
import { generateUuid, makeElection, questionLength, type Election, type ElectionTemplate } from './crypto/election.ts';
import { groupOps } from './crypto/group.ts';
import { writeEncryptedTally, writeOwned, writePartialDecryption, writePublicCredentials, writeResult, writeSetupData, writeSizedEncryptedTally, writeTrustees } from './crypto/json.ts';
import { checkPartialDecryption, combineFactors, computeResult, encryptedTally, partialDecrypt } from './crypto/tally.ts';
import { combineKeys, generateSingleKey, pedersenStep1, pedersenStep3, pedersenStep4, pedersenStep5, pedersenStep6, recoverDecryptionKey } from './crypto/trustees.ts';
import type { ElectionResult, PartialDecryption, TrusteeKind } from './crypto/types.ts';
import { BallotBox } from './crypto/verify.ts';
import { seededRandom } from '../seeded-random.ts';

export interface SimulateOptions {
  voters: number;
  trustees: number;
  threshold: number;
  absent?: number;
  seed?: number;
  /** Unix seconds for the archive header. */
  timestamp: bigint;
  /** Weight of the first voter (a delegate); 1 keeps the election unweighted. */
  delegateWeight?: bigint;
  /** Add the server's own mandatory key (§4.7). Default true. */
  serverKey?: boolean;
  template?: ElectionTemplate;
  /** Voters who vote twice (only the last ballot counts). Default 1 when there are 2+ voters. */
  revotes?: number;
  /** Verify each ballot as the server would before accepting it. Default true; tests that audit the archive afterwards may skip it. */
  checkBallots?: boolean;
  /**
   * Makes every ballot at once (e.g. on worker threads: `pnpm bench:elections`),
   * in the order of `requests`, with createBallot(election, secret, plaintext).
   * Default: one by one in this thread.
   */
  makeBallots?: (election: Election, requests: readonly { secret: string; plaintext: Plaintext }[]) => string[];
  log?: (line: string) => void;
  /** Milliseconds, for the timings (performance.now in Node); Date.now by default. */
  clock?: () => number;
}

export interface SimulateOutcome {
  uuid: string;
  archive: Uint8Array;
  expected: ElectionResult;
  computed: ElectionResult;
  ballots: number;
  blankBallots: number;
  /** The voters' secret credentials, in voter order (a simulation hands them back for demonstrations). */
  secrets: string[];
  timings: Record<string, number>;
}

export const DEFAULT_TEMPLATE: ElectionTemplate = {
  name: '役員選挙 Officer election',
  description: 'Simulated election',
  questions: [
    { answers: ['Aoki', 'Baba', 'Chiba'], blank: true, min: 1, max: 1, question: '執行委員長 President' },
    { answers: ['Endo', 'Fujita', 'Goto'], min: 0, max: 2, question: '執行委員 Committee (up to 2)' },
  ],
};

/** Seeded choices for the simulated voters (not for secrets). */
export { seededRandom };

/** A random valid plaintext; about one in five answers to a blank-allowing question is blank. */
export function randomPlaintext(template: ElectionTemplate, rnd: () => number): Plaintext {
  return template.questions.map((q) => {
    if (q.blank && rnd() < 0.2) return new Array<number>(questionLength(q)).fill(0).map((_, i) => (i === 0 ? 1 : 0));
    const k = q.min + Math.floor(rnd() * (q.max - q.min + 1));
    const picked = new Set<number>();
    while (picked.size < k) picked.add(Math.floor(rnd() * q.answers.length));
    const row = q.answers.map((_, i) => (picked.has(i) ? 1 : 0));
    return q.blank ? [0, ...row] : row;
  });
}

export function simulateElection(o: SimulateOptions): SimulateOutcome {
  const log = o.log ?? (() => {});
  const timings: Record<string, number> = {};
  const clock = o.clock ?? Date.now;
  const time = <T>(name: string, f: () => T): T => {
    const t0 = clock();
    const r = f();
    timings[name] = (timings[name] ?? 0) + clock() - t0;
    return r;
  };
  const absent = o.absent ?? 0;
  if (o.trustees < 1 || o.threshold < 1 || o.threshold > o.trustees) throw new Error('need 1 ≤ threshold ≤ trustees');
  if (o.trustees - absent < o.threshold) throw new Error(`with ${absent} absent, ${o.trustees - absent} trustees remain: fewer than the threshold ${o.threshold}`);
  if (o.voters < 1) throw new Error('need at least one voter');
  const template = o.template ?? DEFAULT_TEMPLATE;
  const rnd = seededRandom(o.seed ?? 1);
  const ops = groupOps('BELENIOS-2048');
  const uuid = generateUuid();

  // Credential authority (§3.1 step 3).
  const voters = Array.from({ length: o.voters }, (_, i) => ({ id: `voter${i + 1}`, weight: i === 0 ? (o.delegateWeight ?? 1n) : 1n }));
  const creds = time('credentials', () => issueCredentials(ops, uuid, voters));
  log(`credentials: ${creds.issued.length} issued`);

  // Trustees (§3.1.1): the server's Single key, then the threshold group.
  const trustees: TrusteeKind[] = [];
  const server = o.serverKey === false ? null : generateSingleKey(ops);
  if (server) trustees.push({ kind: 'Single', key: server.publicKey });
  const members = time('trustee keys', () => {
    const s1 = Array.from({ length: o.trustees }, () => pedersenStep1(ops));
    const certs = s1.map((x) => x.cert);
    const polys = s1.map((x) => pedersenStep3(ops, certs, x.seed, o.threshold));
    const vinputs = pedersenStep4(ops, certs, polys);
    const vouts = s1.map((x, j) => pedersenStep5(ops, certs, x.seed, vinputs[j]!));
    trustees.push({ kind: 'Pedersen', params: pedersenStep6(ops, certs, polys, vouts) });
    return s1.map((x, j) => recoverDecryptionKey(ops, x.seed, vouts[j]!.private_key));
  });
  log(`trustees: ${server ? 'server key + ' : ''}${o.trustees} with threshold ${o.threshold}`);

  const election = makeElection(template, uuid, 'BELENIOS-2048', combineKeys(ops, trustees));
  const archive = new ArchiveBuilder(o.timestamp);
  const credsJson = writePublicCredentials(creds.publicCredentials);
  const setup = { election: archive.data(election.raw), trustees: archive.data(writeTrustees(trustees)), credentials: archive.data(credsJson) };
  archive.event('Setup', archive.data(writeSetupData(setup)));

  // Voting (§3.2), with revotes.
  const box = new BallotBox(election, creds.publicCredentials);
  const revotes = o.revotes ?? (o.voters >= 2 ? 1 : 0);
  const order = [...creds.issued.map((_, i) => i), ...Array.from({ length: revotes }, (_, i) => i % o.voters)];
  const lastChoice = new Map<number, Plaintext>();
  let blankBallots = 0;
  const plaintexts = order.map(() => randomPlaintext(template, rnd));
  const made = o.makeBallots ? time('ballot generation', () => o.makeBallots!(election, order.map((i, k) => ({ secret: creds.issued[i]!.secret, plaintext: plaintexts[k]! })))) : null;
  if (made && made.length !== order.length) throw new Error(`makeBallots returned ${made.length} ballots for ${order.length} requests`);
  for (const [k, i] of order.entries()) {
    const m = plaintexts[k]!;
    const raw = made ? made[k]! : time('ballot generation', () => createBallot(election, creds.issued[i]!.secret, m));
    if (o.checkBallots !== false) {
      const r = time('ballot verification', () => box.cast(raw));
      if (!r.ok) throw new Error(`our own ballot was refused: ${r.reason}`);
    } else box.castUnchecked(raw);
    archive.event('Ballot', archive.data(raw));
    lastChoice.set(i, m);
    if (m.some((a, qi) => template.questions[qi]!.blank && a[0] === 1)) blankBallots++;
  }
  archive.event('EndBallots');
  log(`ballots: ${order.length} cast (${revotes} revotes, ${blankBallots} with a blank answer)`);

  // Tally (§3.4).
  const tallied = box.tallied();
  const et = time('encrypted tally', () => encryptedTally(election, tallied));
  const etHash = archive.data(writeEncryptedTally(et.tally));
  archive.event('EncryptedTally', archive.data(writeSizedEncryptedTally({ num_tallied: et.numTallied, total_weight: et.totalWeight, encrypted_tally: etHash })));
  const pds: { owner: number; pd: PartialDecryption }[] = [];
  const publish = (owner: number, x: bigint, X: bigint) => {
    const pd = time('partial decryptions', () => partialDecrypt(election, et.tally, x));
    const bad = checkPartialDecryption(election, et.tally, X, pd);
    if (bad) throw new Error(`partial decryption refused: ${bad}`);
    pds.push({ owner, pd });
    archive.event('PartialDecryption', archive.data(writeOwned({ owner, payload: archive.data(writePartialDecryption(pd)) })));
  };
  let owner = 1;
  if (server) publish(owner++, server.privateKey, server.publicKey.public_key);
  const pedersen = trustees.find((t) => t.kind === 'Pedersen');
  members.forEach((x, j) => {
    if (j >= absent && pedersen?.kind === 'Pedersen') publish(owner + j, x, pedersen.params.verification_keys[j]!.public_key);
  });
  log(`partial decryptions: ${pds.length} (${absent} trustee(s) absent)`);
  const combined = combineFactors(election, et.tally, trustees, pds, false);
  if (!combined.ok) throw new Error(combined.reason);
  const computed = time('decryption', () => computeResult(election, et.tally, combined.factors, et.totalWeight));
  archive.event('Result', archive.data(writeResult(computed)));

  const expected = template.questions.map((q) => new Array<bigint>(questionLength(q)).fill(0n));
  for (const [i, m] of lastChoice) m.forEach((a, qi) => a.forEach((v, j) => (expected[qi]![j]! += BigInt(v) * voters[i]!.weight)));
  return { uuid, archive: archive.bytes(), expected, computed, ballots: order.length, blankBallots, secrets: creds.issued.map((c) => c.secret), timings };
}
