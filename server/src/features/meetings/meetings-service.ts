import { randomUUID } from 'node:crypto';
import { can, scopeRoots, type Actor, type Audience, type MeetingDetail, type MeetingInput, type MeetingSummary } from '@kumiai/shared';
import type { Clock } from '../../lib/clock.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import type { Mutate } from '../../lib/mutate.ts';
import type { ActorRepo } from '../auth/index.ts';
import type { DocumentsService } from '../documents/index.ts';
import type { PushService } from '../push/index.ts';
import type { UploadsService } from '../uploads/index.ts';
import type { CheckinCodes } from './checkin-code.ts';
import { detailOf, meetingOfficedBy, summaryOf } from './meetings-office.ts';
import type { MeetingRow, MeetingsRepo } from './meetings-repo.ts';

const invalid = (detail: string) => new AppError('meeting_invalid', 400, detail);

/**
 * Meetings (issue 19): officers with meeting.manage create, edit (until the
 * start) and cancel them for an audience within their scope; each invitee's
 * rsvp row (answer `undecided`, the delegate flag, the check-in code) is made
 * in the same transaction, and follows the audience afterwards (`followAudiences`).
 */
export class MeetingsService {
  private fingerprint: string | null = null;

  constructor(
    private readonly repo: MeetingsRepo,
    private readonly clock: Clock,
    private readonly actors: ActorRepo,
    private readonly mutate: Mutate,
    private readonly codes: CheckinCodes,
    private readonly push: PushService,
    private readonly uploads: UploadsService,
    private readonly documents: DocumentsService,
  ) {}

  private checkInput(actor: Actor, input: MeetingInput, existing: MeetingRow | null): void {
    if (this.actors.unitPath(input.unitId).length === 0) throw notFound(`No such unit ${input.unitId}`);
    for (const unit of input.audience.units) if (this.actors.unitPath(unit).length === 0) throw notFound(`No such unit ${unit}`);
    if (!this.actors.mayPublishTo(actor, input.audience, 'meeting.manage')) throw new AppError('forbidden', 403, 'You can invite only units and members within your own scope');
    if (input.endsAt <= input.startsAt) throw invalid('The meeting must end after it starts');
    if (input.rsvpBy !== undefined && input.rsvpBy > input.startsAt) throw invalid('Answers are due before the meeting starts');
    const itemIds = input.agenda.map((item) => item.id);
    if (new Set(itemIds).size !== itemIds.length) throw invalid('Each agenda item needs its own id');
    // Files must be the organiser's own uploads (or already on this meeting); library documents are referred to by id.
    const existingFiles = new Set(existing ? this.filesOf(JSON.parse(existing.agenda) as MeetingInput['agenda']) : []);
    this.uploads.checkOwned(actor.memberId, this.fileAttachments(input.agenda).filter((f) => !existingFiles.has(f.hash)));
  }

  /**
   * A library document given as material must exist and reach every invitee
   * (its audience, or its author), or some would find an agenda item's
   * material missing on the day. Checked when the meeting is saved, against
   * the invitees `invite` worked out (in the same transaction); a later
   * narrowing of the document's audience is the documents' officers' to weigh.
   */
  private checkDocuments(input: MeetingInput, invitees: readonly string[]): void {
    const ids = [...new Set(input.agenda.flatMap((item) => item.materials.flatMap((m) => ('documentId' in m ? [m.documentId] : []))))];
    if (ids.length === 0) return;
    for (const documentId of ids) {
      const doc = this.documents.readersOf(documentId);
      if (!doc) throw notFound(`No such document ${documentId}`);
      const readers = new Set(this.actors.audienceMembers(doc.audience).map((m) => m.actor.memberId));
      const missing = invitees.filter((id) => id !== doc.authorId && !readers.has(id)).length;
      if (missing > 0) throw new AppError('meeting_material_audience', 400, `Document ${documentId} does not reach ${missing} of the invitees`);
    }
  }

  private fileAttachments(agenda: MeetingInput['agenda']) {
    return agenda.flatMap((item) => item.materials.flatMap((m) => ('file' in m ? [m.file] : [])));
  }

  private filesOf(agenda: MeetingInput['agenda']): string[] {
    return this.fileAttachments(agenda).map((f) => f.hash);
  }

  /**
   * Makes the rsvp rows of everyone the audience reaches now and withdraws
   * those of members it no longer reaches, in the caller's transaction: one
   * statement each, whatever the number of invitees. When the meeting is
   * saved (`strict`), the chair and delegates must be invited and library
   * documents must reach every invitee; returns the invitees' ids.
   */
  private invite(meetingId: string, input: MeetingInput, now: number, strict: boolean): string[] {
    const reached = this.actors.audienceMembers(input.audience).map((m) => m.actor.memberId);
    const invited = new Set(reached);
    const delegates = new Set(input.delegates ?? []);
    if (strict) {
      for (const d of delegates) if (!invited.has(d)) throw invalid(`Delegate ${d} is not invited`);
      if (input.chairId && !invited.has(input.chairId)) throw invalid('The chair is not invited');
      this.checkDocuments(input, reached);
    }
    this.repo.upsertInvitees(meetingId, reached.map((memberId) => ({ memberId, delegate: delegates.has(memberId), code: this.codes.make(meetingId, memberId) })), now);
    this.repo.withdrawOthers(meetingId, reached, now);
    return reached;
  }

  create(actor: Actor, input: MeetingInput): MeetingDetail {
    this.checkInput(actor, input, null);
    const id = randomUUID();
    const unitPath = this.actors.unitPath(input.unitId);
    const detail = { title: input.title.trim(), kind: input.kind, startsAt: input.startsAt, audience: input.audience };
    this.mutate(actor, { checks: [{ action: 'meeting.manage', resource: { unitPath } }], audit: { action: 'meeting.created', target: id, detail: (n: number) => ({ ...detail, invited: n }) } }, (now) => {
      this.repo.insertMeeting(id, input, actor.memberId, now);
      return this.invite(id, input, now, true).length;
    });
    return this.detail(actor, id);
  }

  /** Until the meeting starts; the audience may grow or narrow (rsvps made or withdrawn). A changed date or place is pushed to the invitees. */
  update(actor: Actor, id: string, input: MeetingInput): MeetingDetail {
    const row = meetingOfficedBy(this.repo, this.actors, actor, id);
    if (row.cancelled) throw new AppError('meeting_cancelled', 409, 'The meeting was cancelled');
    if (this.clock.now() >= row.starts_at) throw new AppError('meeting_started', 409, 'The meeting has started');
    this.checkInput(actor, input, row);
    const unitPath = this.actors.unitPath(input.unitId);
    const moved = input.startsAt !== row.starts_at || input.endsAt !== row.ends_at || (input.place ?? null) !== row.place || (input.onlineUrl ?? null) !== row.online_url;
    const invitees = this.mutate(actor, { checks: [{ action: 'meeting.manage', resource: { unitPath } }], audit: { action: 'meeting.updated', target: id, detail: { title: input.title.trim(), moved, audience: input.audience } } }, (now) => {
      this.repo.updateMeeting(id, input, now);
      return this.invite(id, input, now, true);
    });
    if (moved) this.push.toMembers(invitees, { type: 'meeting', reason: 'changed', meetingId: id, title: input.title.trim(), url: `/meetings/${encodeURIComponent(id)}` });
    return this.detail(actor, id);
  }

  cancel(actor: Actor, id: string, reason: string): MeetingDetail {
    const row = meetingOfficedBy(this.repo, this.actors, actor, id);
    if (row.cancelled) throw new AppError('meeting_cancelled', 409, 'The meeting was cancelled already');
    this.mutate(actor, { checks: [], audit: { action: 'meeting.cancelled', target: id, detail: { reason } } }, (now) => this.repo.cancel(id, reason, now));
    const invitees = this.repo.rsvps(id).map((r) => r.member_id);
    this.push.toMembers(invitees, { type: 'meeting', reason: 'cancelled', meetingId: id, title: row.title, url: `/meetings/${encodeURIComponent(id)}` });
    return this.detail(actor, id);
  }

  detail(actor: Actor, id: string): MeetingDetail {
    const row = meetingOfficedBy(this.repo, this.actors, actor, id);
    return detailOf(row, this.repo.counts([id]).get(id), actor, this.clock.now());
  }

  /** The meetings an officer runs or may run (their unit in the officer's meeting.manage scope), or organised. */
  list(actor: Actor, from: number, to: number): MeetingSummary[] {
    if (scopeRoots(actor, 'meeting.manage').length === 0) throw new AppError('forbidden', 403, 'Not allowed: meeting.manage');
    const rows = this.repo.meetingsBetween(from, to).filter((r) => r.member_id === actor.memberId || can(actor, 'meeting.manage', { unitPath: this.actors.unitPath(r.unit_id) }));
    const counts = this.repo.counts(rows.map((r) => r.id));
    return rows.map((r) => summaryOf(r, counts.get(r.id)));
  }

  /**
   * At start: a check-in key made just now (a restored data directory without
   * it, a lost file) cannot verify the codes signed with the old one, so the
   * codes of meetings not over yet are signed again (devices get them by sync).
   */
  resignCodesIfKeyNew(): number {
    if (!this.codes.load().created) return 0;
    const now = this.clock.now();
    const rows = this.repo.openRsvps(now);
    this.repo.transaction(() => {
      for (const r of rows) this.repo.setCode(r.meeting_id, r.member_id, this.codes.make(r.meeting_id, r.member_id), now);
    });
    return rows.length;
  }

  /**
   * Invitees follow their meetings' audiences: when a member joins, moves,
   * leaves or gets or loses a role (the fingerprint of members, units and
   * grants changed), every meeting not over yet gets rsvps for those it now
   * reaches and withdraws those it no longer reaches. Runs at each poll; cheap
   * when nothing changed.
   */
  followAudiences(): number {
    const fingerprint = this.repo.audienceFingerprint();
    if (fingerprint === this.fingerprint) return 0;
    const now = this.clock.now();
    const meetings = this.repo.openMeetings(now);
    this.repo.transaction(() => {
      for (const row of meetings) {
        const audience = JSON.parse(row.audience) as Audience;
        this.invite(row.id, { ...inputLite(row), audience }, now, false);
      }
    });
    this.fingerprint = fingerprint;
    return meetings.length;
  }
}

function inputLite(row: MeetingRow): MeetingInput {
  return {
    kind: row.meeting_kind, unitId: row.unit_id, title: row.title, startsAt: row.starts_at, endsAt: row.ends_at, agenda: [],
    audience: JSON.parse(row.audience) as Audience, delegates: JSON.parse(row.delegates) as string[],
  };
}
