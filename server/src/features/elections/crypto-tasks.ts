import {
  encryptedTally,
  groupOps,
  issueCredentials,
  lastBallots,
  loadElection,
  parsePublicCredential,
  readBallot,
  readStringList,
  verifyBallot,
  writeEncryptedTally,
  type Election,
  type IssuedCredential,
} from '@kumiai/shared/elections/crypto/index';

/**
 * The election cryptography that takes seconds, run on the worker threads of
 * `crypto-pool.ts` (loaded by `crypto-worker.mjs`) so the server's event loop
 * stays free: issuing credentials at open, checking a ballot's proofs and
 * signature at cast, and the encrypted tally. Pure functions of their input:
 * every decision (state, window, duplicates, storing) stays on the main thread.
 */

const ops = groupOps('BELENIOS-2048');

/** election.json parsed once per worker (a few open elections at most). */
const elections = new Map<string, Election>();
function electionOf(raw: string): Election {
  let election = elections.get(raw);
  if (!election) {
    if (elections.size >= 16) elections.clear();
    elections.set(raw, (election = loadElection(raw)));
  }
  return election;
}

export interface CredentialsTask {
  uuid: string;
  voters: { id: string; weight: bigint }[];
}

/** One secret credential per voter and its public key (issueCredentials on a slice of the roll). */
export function credentials(task: CredentialsTask): IssuedCredential[] {
  return issueCredentials(ops, task.uuid, task.voters).issued;
}

export interface CheckBallotTask {
  electionRaw: string;
  ballot: string;
  /** The voter's own public credential (decimal): the only one this ballot may be signed with. */
  credential: string;
}

/** Belenios' check of one ballot (canonical form, election, signature, every proof): null when valid, else why. */
export function checkBallot(task: CheckBallotTask): string | null {
  const own = BigInt(task.credential);
  // The server issued `own` itself (a group element): it is the one listed credential this ballot may carry.
  const check = verifyBallot(electionOf(task.electionRaw), task.ballot, (c) => c === own);
  if (!check.ok) return check.reason;
  return check.ballot.credential === own ? null : 'invalid credential';
}

export interface TallyTask {
  electionRaw: string;
  credentialsJson: string;
  /** Every accepted ballot in cast order (revotes included). */
  ballots: string[];
}

/** The encrypted tally of the last ballot per credential (Belenios §4.15), weighted by the public list. */
export function tally(task: TallyTask): { encryptedTally: string; numTallied: number; totalWeight: bigint } {
  const weights = new Map<bigint, bigint>();
  for (const line of readStringList(task.credentialsJson, 'credentials')) {
    const c = parsePublicCredential(ops, line, true)!;
    weights.set(c.key, c.weight);
  }
  const ballots = task.ballots.map((raw) => {
    const ballot = readBallot(raw);
    return { ballot, credential: ballot.credential, weight: weights.get(ballot.credential)! };
  });
  const et = encryptedTally(electionOf(task.electionRaw), lastBallots(ballots));
  return { encryptedTally: writeEncryptedTally(et.tally), numTallied: et.numTallied, totalWeight: et.totalWeight };
}
