/**
 * Our own auditor (§3.5): every check of the audit section on a .bel archive,
 * stopping at the first failure and naming it. The same pieces serve a server
 * that accepts ballots and partial decryptions one by one (BallotBox,
 * checkPartialDecryption).
 */
import { ArchiveFormatError, checkChain, parseArchive } from './archive.ts';
import { ballotTracker, verifyBallot } from './ballot.ts';
import { parsePublicCredential } from './credentials.ts';
import { loadElection, type Election } from './election.ts';
import { sha256Hex } from './hash.ts';
import { JsonShapeError, readBallot, readEncryptedTally, readOwned, readPartialDecryption, readResult, readSetupData, readSizedEncryptedTally, readStringList, readTrustees, writeEncryptedTally } from './json.ts';
import { checkResult, combineFactors, computeResult, encryptedTally, lastBallots } from './tally.ts';
import { checkTrustees, combineKeys, ownerKeys } from './trustees.ts';
import type { Ballot, BelEvent, ElectionResult, PartialDecryption, TrusteeKind } from './types.ts';

/** The server's ballot box: the list L, and every accepted ballot in order (§3.2). */
export class BallotBox {
  private readonly weights = new Map<bigint, bigint>();
  readonly accepted: { raw: string; ballot: Ballot; weight: bigint; tracker: string }[] = [];

  /** `checked`: lines already found valid by parsePublicCredential elsewhere (worker threads); their group membership is not tested again. */
  constructor(
    readonly election: Election,
    publicCredentials: readonly string[],
    checked?: ReadonlySet<string>,
  ) {
    for (const line of publicCredentials) {
      const c = parsePublicCredential(election.ops, line, checked?.has(line) === true);
      if (!c) throw new Error(`${line.slice(0, 20)}… is not a valid public credential`);
      if (this.weights.has(c.key)) throw new Error(`duplicate credential: ${c.key}`);
      this.weights.set(c.key, c.weight);
    }
  }

  /** Checks a ballot (credential in L, proofs, signature); on success records it, else changes nothing. */
  cast(raw: string, precomputed?: BallotVerdict): { ok: true; tracker: string; weight: bigint } | { ok: false; reason: string } {
    // Every listed credential was checked to be a group element when the box was made.
    const check = precomputed === undefined ? verifyBallot(this.election, raw, this.isListed) : precomputed === null ? { ok: true as const, ballot: readBallot(raw) } : { ok: false as const, reason: precomputed };
    if (!check.ok) return check;
    const weight = this.weights.get(check.ballot.credential);
    if (weight === undefined) return { ok: false, reason: 'invalid credential' };
    const tracker = ballotTracker(raw);
    this.accepted.push({ raw, ballot: check.ballot, weight, tracker });
    return { ok: true, tracker, weight };
  }

  /** Whether a credential is in L (then it is a group element); what verifyBallot is given as `listed`. */
  readonly isListed = (credential: bigint): boolean => this.weights.has(credential);

  /** Records a ballot this process made itself, without re-verifying its proofs (simulations). */
  castUnchecked(raw: string): void {
    const ballot = readBallot(raw);
    const weight = this.weights.get(ballot.credential);
    if (weight === undefined) throw new Error('invalid credential');
    this.accepted.push({ raw, ballot, weight, tracker: ballotTracker(raw) });
  }

  /** The ballots that count: the last one of each credential (§4.15). */
  tallied() {
    return lastBallots(this.accepted.map((a) => ({ ...a, credential: a.ballot.credential })));
  }
}

/** The outcome of verifyBallot(election, raw, box.isListed): null when valid, else its reason. */
export type BallotVerdict = string | null;

/**
 * Work done before verifyArchive by the caller with this library's own
 * functions, typically in worker threads (`pnpm kumiai election verify`):
 * verdicts of verifyBallot by raw ballot, and the public credential lines
 * parsePublicCredential accepted. Anything absent is checked here.
 */
export interface PrecomputedChecks {
  ballots?: ReadonlyMap<string, BallotVerdict>;
  credentials?: ReadonlySet<string>;
}

export interface VerifyReport {
  ok: boolean;
  /** Checks passed, in order. */
  passed: string[];
  /** The first failure, named. */
  failure?: string;
  election?: { uuid: string; name: string; questions: { question: string; answers: string[]; blank: boolean }[] };
  ballots?: number;
  tallied?: number;
  totalWeight?: bigint;
  /** The trackers (hashes) of the tallied ballots, with their weights: the pretty ballots PB (§2). */
  trackers?: { tracker: string; weight: bigint }[];
  result?: ElectionResult;
  warnings: string[];
}

class CheckFailed extends Error {}

const ORDER: Record<BelEvent['type'], number> = { Setup: 0, Ballot: 1, EndBallots: 2, EncryptedTally: 3, Shuffle: 4, EndShuffles: 4, PartialDecryption: 5, Result: 6 };

export function verifyArchive(bytes: Uint8Array, precomputed: PrecomputedChecks = {}): VerifyReport {
  const report: VerifyReport = { ok: false, passed: [], warnings: [] };
  const step = <T>(name: string, f: () => T): T => {
    try {
      const r = f();
      report.passed.push(name);
      return r;
    } catch (err) {
      if (err instanceof CheckFailed || err instanceof ArchiveFormatError || err instanceof JsonShapeError || err instanceof Error) throw new CheckFailed(`${name}: ${err.message}`);
      throw err;
    }
  };
  const fail = (msg: string): never => {
    throw new CheckFailed(msg);
  };
  try {
    const archive = step('archive format (tar layout, file hashes)', () => parseArchive(bytes));
    const { events } = step('event chain (heights, parents, payloads, nothing extra)', () => checkChain(archive));
    const get = new Map(archive.records.map((r) => [r.hash, r.content]));
    const content = (h: string) => get.get(h)!;
    step('event order', () => {
      if (events[0]!.event.type !== 'Setup') fail('the first event is not Setup');
      let prev = 0;
      for (const { event } of events.slice(1)) {
        const o = ORDER[event.type];
        if (event.type === 'Setup') fail('a second Setup event');
        if (event.type === 'Shuffle' || event.type === 'EndShuffles') fail('shuffles (non-homomorphic questions) are not supported');
        if (o < prev || (o === prev && (event.type === 'EndBallots' || event.type === 'EncryptedTally' || event.type === 'Result'))) fail(`${event.type} out of order at height ${event.height}`);
        prev = o;
      }
    });
    const setup = readSetupData(content(events[0]!.event.payload!));
    const election = step('election parameters', () => loadElection(content(setup.election)));
    const { ops } = election;
    report.election = { uuid: election.params.uuid, name: election.params.name, questions: election.params.questions.map((q) => ({ question: q.question, answers: q.answers, blank: q.blank === true })) };
    const trustees: TrusteeKind[] = step('trustees (proofs of knowledge, certificates, polynomials, verification keys)', () => {
      const t = readTrustees(content(setup.trustees));
      const problem = checkTrustees(ops, t);
      if (problem) fail(problem);
      return t;
    });
    step('election public key is the product of the trustees’ keys', () => {
      if (combineKeys(ops, trustees) !== election.publicKey) fail('the election public key does not match the trustees');
    });
    const box = step('public credentials (valid group elements, distinct)', () => new BallotBox(election, readStringList(content(setup.credentials), 'public_credentials'), precomputed.credentials));
    const ballotEvents = events.filter((e) => e.event.type === 'Ballot');
    step('ballots (canonical, signed by a listed credential, every proof)', () => {
      for (const { event } of ballotEvents) {
        const raw = content(event.payload!);
        const r = box.cast(raw, precomputed.ballots?.get(raw));
        if (!r.ok) fail(`ballot ${ballotTracker(raw)} at height ${event.height}: ${r.reason}`);
      }
    });
    const tallied = box.tallied();
    report.ballots = box.accepted.length;
    report.tallied = tallied.length;
    report.trackers = tallied.map((b) => ({ tracker: b.tracker, weight: b.weight }));
    const computed = encryptedTally(election, tallied);
    report.totalWeight = computed.totalWeight;
    const etEvent = events.find((e) => e.event.type === 'EncryptedTally');
    const ended = events.some((e) => e.event.type === 'EndBallots');
    if (!etEvent) {
      if (ended) report.warnings.push('voting is closed but there is no encrypted tally yet');
      report.warnings.push('no result to check');
      report.ok = true;
      return report;
    }
    const tally = step('encrypted tally is the weighted product of the last ballot of each credential', () => {
      const sized = readSizedEncryptedTally(content(etEvent.event.payload!));
      const raw = writeEncryptedTally(computed.tally);
      if (sized.encrypted_tally !== sha256Hex(raw) || content(sized.encrypted_tally) !== raw) fail('the published encrypted tally differs from the one computed from the ballots');
      if (sized.num_tallied !== computed.numTallied) fail(`num_tallied is ${sized.num_tallied}, ${computed.numTallied} computed`);
      if (sized.total_weight !== computed.totalWeight) fail(`total_weight is ${sized.total_weight}, ${computed.totalWeight} computed`);
      return readEncryptedTally(raw);
    });
    const keys = ownerKeys(trustees);
    const pds: { owner: number; pd: PartialDecryption }[] = step('partial decryptions (owner, decryption proofs)', () =>
      events
        .filter((e) => e.event.type === 'PartialDecryption')
        .map(({ event }) => {
          const owned = readOwned(content(event.payload!));
          if (owned.owner < 1 || owned.owner > keys.length) fail(`partial decryption at height ${event.height} names unknown trustee ${owned.owner}`);
          return { owner: owned.owner, pd: readPartialDecryption(content(owned.payload)) };
        }),
    );
    const resultEvent = events.find((e) => e.event.type === 'Result');
    const combination = combineFactors(election, tally, trustees, pds);
    if (!resultEvent) {
      if (!combination.ok && pds.length > 0) step('partial decryptions verify', () => fail(combination.reason));
      report.warnings.push('no result to check');
      report.ok = true;
      return report;
    }
    const factors = step('partial decryptions combine (threshold reached, every proof valid)', () => (combination.ok ? combination.factors : fail(combination.reason)));
    report.result = step('result matches the decrypted tally', () => {
      const published = readResult(content(resultEvent.event.payload!));
      if (!checkResult(election, tally, factors, published)) fail('the published result is not the decryption of the tally');
      const ours = computeResult(election, tally, factors, computed.totalWeight);
      if (JSON.stringify(ours.map((q) => q.map(String))) !== JSON.stringify(published.map((q) => q.map(String)))) fail('the published result differs from ours');
      return published;
    });
    report.ok = true;
    return report;
  } catch (err) {
    if (!(err instanceof CheckFailed)) throw err;
    report.failure = err.message;
    return report;
  }
}
