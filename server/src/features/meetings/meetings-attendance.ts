import { countQuorum, type Actor, type CheckinBatch, type CheckinResult, type Proxy, type QuorumCount, type QuorumRule, type ResponsesPage, type RsvpAnswer } from '@kumiai/shared';
import type { Clock } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import type { Mutate } from '../../lib/mutate.ts';
import type { ActorRepo } from '../auth/index.ts';
import type { PushService } from '../push/index.ts';
import type { CheckinCodes } from './checkin-code.ts';
import { meetingOfficedBy } from './meetings-office.ts';
import type { MeetingsRepo, RsvpRow } from './meetings-repo.ts';

const PAGE = 100;

/** Who has not answered: nobody wrote an answer from a device yet (`undecided` is then the default, not their answer). */
const unanswered = (r: RsvpRow) => r.answered_at === null;

/**
 * Answers, reminders, check-ins and the quorum of a meeting, for those who
 * run it (`meetingOfficedBy`): the organiser or an officer covering its audience.
 */
export class MeetingAttendance {
  constructor(
    private readonly repo: MeetingsRepo,
    private readonly clock: Clock,
    private readonly actors: ActorRepo,
    private readonly mutate: Mutate,
    private readonly codes: CheckinCodes,
    private readonly push: PushService,
  ) {}

  /** Counts per unit, and a page of who has not answered (or, with `answer`, who answered so), ordered by member id. */
  responses(actor: Actor, id: string, options: { cursor?: string; answer?: RsvpAnswer }): ResponsesPage {
    meetingOfficedBy(this.repo, this.actors, actor, id);
    const rsvps = this.repo.rsvps(id);
    const members = this.repo.members(rsvps.map((r) => r.member_id));
    const perUnit = new Map<string, ResponsesPage['perUnit'][number]>();
    for (const r of rsvps) {
      const unitId = members.get(r.member_id)?.unit_id ?? '';
      let u = perUnit.get(unitId);
      if (!u) perUnit.set(unitId, (u = { unitId, invited: 0, attend: 0, absent: 0, undecided: 0, proxies: 0, noAnswer: 0 }));
      u.invited += 1;
      if (unanswered(r)) u.noAnswer += 1;
      else u[r.answer] += 1;
      if (r.proxy !== null) u.proxies += 1;
    }
    const wanted = rsvps.filter((r) => (options.answer ? !unanswered(r) && r.answer === options.answer : unanswered(r)) && (!options.cursor || r.member_id > options.cursor));
    const page = wanted.slice(0, PAGE);
    return {
      perUnit: [...perUnit.values()].sort((a, b) => a.unitId.localeCompare(b.unitId)),
      members: page.map((r) => ({ memberId: r.member_id, name: members.get(r.member_id)?.name ?? '', unitId: members.get(r.member_id)?.unit_id ?? '', answer: unanswered(r) ? null : r.answer, present: r.present === 1 })),
      next: wanted.length > PAGE ? page[page.length - 1]!.member_id : null,
    };
  }

  /** Push and in-app (the rsvp's `remindedAt`) to invitees who have not answered, before the meeting starts. Audited. */
  remind(actor: Actor, id: string): { reminded: number; pushed: number } {
    const row = meetingOfficedBy(this.repo, this.actors, actor, id);
    if (row.cancelled) throw new AppError('meeting_cancelled', 409, 'The meeting was cancelled');
    if (this.clock.now() >= row.starts_at) throw new AppError('meeting_started', 409, 'The meeting has started');
    const waiting = this.repo.rsvps(id).filter(unanswered).map((r) => r.member_id);
    this.mutate(actor, { checks: [], audit: { action: 'meeting.reminded', target: id, detail: { members: waiting.length } } }, (now) => this.repo.markReminded(id, waiting, now));
    const pushed = this.push.toMembers(waiting, { type: 'meeting', reason: 'remind', meetingId: id, title: row.title, url: `/meetings/${encodeURIComponent(id)}` });
    return { reminded: waiting.length, pushed };
  }

  /**
   * Check-ins from officers' phones and door kiosks, perhaps made offline and
   * sent twice or from two devices: a check-in id seen before changes nothing;
   * a member already present counts once (`duplicates`). A code is checked by
   * its MAC and meeting; the member must be invited. One transaction, audited with counts.
   */
  checkIn(actor: Actor, id: string, batch: CheckinBatch): CheckinResult {
    const row = meetingOfficedBy(this.repo, this.actors, actor, id);
    if (row.cancelled) throw new AppError('meeting_cancelled', 409, 'The meeting was cancelled');
    const result: CheckinResult = { recorded: 0, duplicates: 0, refused: [] };
    this.mutate(actor, { checks: [], audit: { action: 'meeting.checked_in', target: id, detail: () => ({ recorded: result.recorded, duplicates: result.duplicates, refused: result.refused.length }) } }, (now) => {
      for (const c of batch.checkins) {
        if (this.repo.checkinSeen(c.id)) {
          result.duplicates += 1;
          continue;
        }
        let memberId: string;
        if (c.code !== undefined) {
          const read = this.codes.read(c.code, id);
          if (!read.ok) {
            result.refused.push({ id: c.id, code: read.code });
            continue;
          }
          memberId = read.memberId;
        } else if (c.memberId !== undefined) {
          memberId = c.memberId;
        } else {
          result.refused.push({ id: c.id, code: 'validation_failed' });
          continue;
        }
        if (!this.repo.invited(id, memberId)) {
          result.refused.push({ id: c.id, code: 'checkin_not_invited' });
          continue;
        }
        const first = this.repo.setPresent(id, memberId, now) === 1;
        this.repo.recordCheckin(c.id, id, memberId, c.at, actor.memberId, now, first ? 'recorded' : 'duplicate');
        if (first) result.recorded += 1;
        else result.duplicates += 1;
      }
    });
    return result;
  }

  /** The live quorum: `countQuorum` over the invitees, who is present and the proxies given. */
  quorum(actor: Actor, id: string): QuorumCount & { rule: QuorumRule } {
    const row = meetingOfficedBy(this.repo, this.actors, actor, id);
    if (!row.quorum) throw new AppError('meeting_no_quorum', 409, 'This meeting has no quorum rule');
    const rule = JSON.parse(row.quorum) as QuorumRule;
    const rsvps = this.repo.rsvps(id);
    const proxies: Proxy[] = rsvps.filter((r) => r.proxy !== null).map((r) => ({ from: r.member_id, to: JSON.parse(r.proxy!) as Proxy['to'] }));
    const count = countQuorum(rule, rsvps.map((r) => ({ memberId: r.member_id, delegate: r.delegate === 1 })), rsvps.filter((r) => r.present === 1).map((r) => r.member_id), proxies);
    return { ...count, rule };
  }
}
