import { electionPhase, type Actor, type BallotKit, type CastReceipt, type ElectionOutcome, type VoterElection } from '@kumiai/shared';
import { BallotBox, ballotTracker, loadElection, readBallot, readStringList, type Ballot } from '@kumiai/shared/elections/crypto/index';
import type { Clock } from '../../lib/clock.ts';
import { AppError, notFound } from '../../lib/errors.ts';
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
 */
export class ElectionVoting {
  /** One ballot box per open election (the public credential list, parsed once). */
  private readonly boxes = new Map<string, BallotBox>();

  constructor(
    private readonly repo: ElectionsRepo,
    private readonly clock: Clock,
  ) {}

  /** Forgets the election's ballot box (its window is over). */
  closeBox(id: string): void {
    this.boxes.delete(id);
  }

  private box(row: ElectionRow): BallotBox {
    let box = this.boxes.get(row.id);
    if (!box) {
      const lines = readStringList(row.credentials_json!, 'credentials');
      // Issued by the server, or checked to be group elements when the authority sent them.
      box = new BallotBox(loadElection(row.election_json!), lines, new Set(lines));
      this.boxes.set(row.id, box);
    }
    return box;
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
        opensAt: input.opensAt,
        closesAt: input.closesAt,
        voted,
        ...(row.credential_authority !== null ? { credentialFrom: 'member' as const } : {}),
        outcome: row.state === 'published' && row.outcome ? (JSON.parse(row.outcome) as ElectionOutcome) : null,
        ...(voted === null && row.reminded_at !== null && row.state === 'ready' ? { remindedAt: row.reminded_at } : {}),
      };
    });
  }

  /** Voting is open for this member: state ready, the window open on the server's clock, not voted on paper. */
  private votable(actor: Actor, row: ElectionRow): void {
    if (row.state !== 'ready' || electionPhase(this.clock.now(), inputOf(row)) !== 'open') throw new AppError('election_not_open', 409, 'Voting is not open');
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

  cast(actor: Actor, id: string, raw: string): CastReceipt {
    const row = this.onRoll(actor, id);
    this.votable(actor, row);
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
    const box = this.box(row);
    // Not box.cast: it would keep every ballot in memory; the database is the record.
    const verdict = checkWith(box, raw);
    if (verdict) throw new AppError('ballot_invalid', 400, `The ballot does not verify: ${verdict}`);
    return this.repo.transaction(() => {
      // Checked again inside the write: the tally may have started, the clock moved, or a paper vote come in meanwhile.
      const now = this.clock.now();
      const fresh = this.repo.election(id)!;
      this.votable(actor, fresh);
      // A re-issue may have struck the credential meanwhile: only ballots signed with a listed credential enter the box.
      if (this.repo.credential(id, actor.memberId)?.public_key !== own.public_key) throw new AppError('ballot_credential_mismatch', 403, 'This ballot was not made with your credential');
      if (this.repo.hasTracker(id, tracker)) throw new AppError('ballot_duplicate', 409, 'This ballot is in the ballot box already');
      const replaced = this.repo.voted(id, actor.memberId) === 'online';
      this.repo.appendBallot(id, raw, tracker);
      this.repo.markVoted(id, actor.memberId, 'online');
      return { tracker, castAt: now, replaced };
    });
  }

  /** The public record, for the electorate once published. */
  archive(actor: Actor, id: string): Uint8Array {
    const row = this.onRoll(actor, id);
    if (row.state !== 'published') throw new AppError('election_wrong_state', 409, 'The record is public once the result is published');
    return buildArchive(this.repo, row);
  }
}

/** The ballot box's verdict without recording the ballot: null when valid, else why. */
function checkWith(box: BallotBox, raw: string): string | null {
  const before = box.accepted.length;
  const r = box.cast(raw);
  // The box keeps accepted ballots; this server keeps them in the database only.
  box.accepted.length = before;
  return r.ok ? null : r.reason;
}
