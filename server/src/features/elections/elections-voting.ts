import { electionPhase, type Actor, type BallotKit, type CastReceipt, type ElectionOutcome, type VoterElection } from '@kumiai/shared';
import { ballotTracker, readBallot, type Ballot } from '@kumiai/shared/elections/crypto/index';
import type { Clock } from '../../lib/clock.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import type { ElectionsCrypto } from './crypto-pool.ts';
import { buildArchive } from './elections-archive.ts';
import { electionOr404, inputOf } from './election-view.ts';
import type { ElectionRow, ElectionsRepo } from './elections-repo.ts';

/**
 * The voter's side (issue 17): the elections whose roll holds them, the
 * ballot kit (election.json and, in server mode, their own secret
 * credential, only over their session), casting (checked by the Belenios
 * ballot box, stored append-only in cast order; the last ballot counts), and
 * the public record once published. No log line, audit entry or table links
 * the member to the ballot: election_voters says only that they voted.
 * A ballot's proofs are checked on the worker pool (`crypto-pool.ts`), several
 * at once; the decision to store it is one transaction here afterwards.
 */
export class ElectionVoting {
  /** Casts received and not yet decided, by election: the tally waits for them (`settled`). */
  private readonly pending = new Map<string, Set<Promise<unknown>>>();
  /** Each member's latest cast per election: a member's ballots are stored in the order they were received. */
  private readonly lastCast = new Map<string, Promise<unknown>>();

  constructor(
    private readonly repo: ElectionsRepo,
    private readonly clock: Clock,
    private readonly crypto: ElectionsCrypto,
  ) {}

  /** Resolves once every cast received so far for the election is stored or refused. */
  async settled(id: string): Promise<void> {
    await Promise.allSettled([...(this.pending.get(id) ?? [])]);
  }

  /** The election if the member is on its roll (and it is past draft); else not_on_roll (404 when there is no such election for them). */
  private onRoll(actor: Actor, id: string): ElectionRow {
    const row = electionOr404(this.repo, id);
    if (row.state === 'draft') throw notFound('No such election');
    if (!this.repo.rollEntry(id, actor.memberId)) throw new AppError('not_on_roll', 403, 'You are not on this election’s voter roll');
    return row;
  }

  mine(actor: Actor): VoterElection[] {
    const now = this.clock.now();
    return this.repo.electionsOf(actor.memberId).map((row) => {
      const input = inputOf(row);
      const voted = this.repo.voted(row.id, actor.memberId);
      return {
        id: row.id,
        title: input.title,
        ...(input.titleEn ? { titleEn: input.titleEn } : {}),
        description: input.description,
        ...(input.descriptionEn ? { descriptionEn: input.descriptionEn } : {}),
        questions: input.questions,
        state: row.state,
        phase: electionPhase(now, input),
        serverNow: now,
        opensAt: input.opensAt,
        closesAt: input.closesAt,
        voted,
        ...(row.credential_authority !== null ? { credentialFrom: 'member' as const } : {}),
        outcome: row.state === 'published' && row.outcome ? (JSON.parse(row.outcome) as ElectionOutcome) : null,
        ...(voted === null && row.reminded_at !== null && row.state === 'ready' ? { remindedAt: row.reminded_at } : {}),
      };
    });
  }

  /** Voting is open for this member at `at` (the server's clock by default): state ready, the window open, not voted on paper. */
  private votable(actor: Actor, row: ElectionRow, at = this.clock.now()): void {
    if (row.state !== 'ready' || electionPhase(at, inputOf(row)) !== 'open') throw new AppError('election_not_open', 409, 'Voting is not open');
    if (this.repo.voted(row.id, actor.memberId) === 'paper') throw new AppError('voted_on_paper', 409, 'You voted on paper');
  }

  ballotKit(actor: Actor, id: string): BallotKit {
    const row = this.onRoll(actor, id);
    this.votable(actor, row);
    const credential = this.repo.credential(id, actor.memberId);
    if (!credential) throw new AppError('election_wrong_state', 409, 'No credential for you in this election');
    // Commission-member mode: the member has the credential on paper; the server has none to give.
    return credential.secret === null ? { election: row.election_json! } : { election: row.election_json!, credential: credential.secret };
  }

  /**
   * The window is judged on the server's clock when the ballot is received:
   * one received before closesAt is stored even if its check ends after.
   * Refusals that need no cryptography come first; then the worker checks
   * the proofs; then one transaction checks state, paper vote, credential and
   * duplicates again and appends the ballot (cast order = order stored).
   */
  async cast(actor: Actor, id: string, raw: string): Promise<CastReceipt> {
    const receivedAt = this.clock.now();
    const row = this.onRoll(actor, id);
    this.votable(actor, row, receivedAt);
    let ballot: Ballot;
    try {
      ballot = readBallot(raw);
    } catch {
      throw new AppError('ballot_invalid', 400, 'This is not a ballot');
    }
    if (ballot.election_uuid !== row.uuid) throw new AppError('ballot_wrong_election', 400, 'This ballot was made for another election');
    const own = this.repo.credential(id, actor.memberId);
    if (!own || ballot.credential.toString() !== own.public_key) throw new AppError('ballot_credential_mismatch', 403, 'This ballot was not made with your credential');
    const tracker = ballotTracker(raw);
    if (this.repo.hasTracker(id, tracker)) throw new AppError('ballot_duplicate', 409, 'This ballot is in the ballot box already');
    const verdict = this.crypto.checkBallot({ electionRaw: row.election_json!, ballot: raw, credential: own.public_key });
    const key = `${id}\u0000${actor.memberId}`;
    const before = this.lastCast.get(key);
    const decided = (async () => {
      const why = await verdict;
      if (why) throw new AppError('ballot_invalid', 400, `The ballot does not verify: ${why}`);
      // This member's earlier ballot is stored (or refused) first: the last one received is the one that counts.
      await before?.catch(() => undefined);
      return this.store(actor, id, raw, tracker, own.public_key, receivedAt);
    })();
    return this.track(id, key, decided);
  }

  /** Keeps `decided` in the election's pending set and as the member's latest cast until it settles. */
  private async track<T>(id: string, key: string, decided: Promise<T>): Promise<T> {
    const pending = this.pending.get(id) ?? this.pending.set(id, new Set()).get(id)!;
    pending.add(decided);
    this.lastCast.set(key, decided);
    try {
      return await decided;
    } finally {
      pending.delete(decided);
      if (pending.size === 0) this.pending.delete(id);
      if (this.lastCast.get(key) === decided) this.lastCast.delete(key);
    }
  }

  /** The decision, in one transaction: checked again, since the tally may have started, a paper vote or this ballot come in meanwhile. */
  private store(actor: Actor, id: string, raw: string, tracker: string, credential: string, receivedAt: number): CastReceipt {
    return this.repo.transaction(() => {
      const fresh = this.repo.election(id)!;
      this.votable(actor, fresh, receivedAt);
      const own = this.repo.credential(id, actor.memberId);
      if (own?.public_key !== credential) throw new AppError('ballot_credential_mismatch', 403, 'This ballot was not made with your credential');
      if (this.repo.hasTracker(id, tracker)) throw new AppError('ballot_duplicate', 409, 'This ballot is in the ballot box already');
      const replaced = this.repo.voted(id, actor.memberId) === 'online';
      this.repo.appendBallot(id, raw, tracker);
      this.repo.markVoted(id, actor.memberId, 'online');
      return { tracker, castAt: receivedAt, replaced };
    });
  }

  /** The public record, for the electorate once published. */
  archive(actor: Actor, id: string): Uint8Array {
    const row = this.onRoll(actor, id);
    if (row.state !== 'published') throw new AppError('election_wrong_state', 409, 'The record is public once the result is published');
    return buildArchive(this.repo, row);
  }
}
