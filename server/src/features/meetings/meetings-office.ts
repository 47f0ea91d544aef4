import { can, type Actor, type Audience, type DecisionInput, type MeetingDetail, type MeetingInput, type MeetingSummary } from '@kumiai/shared';
import { requireOffice } from '../../lib/access.ts';
import type { ActorRepo } from '../auth/index.ts';
import type { MeetingRow, MeetingsRepo, RsvpCounts as Counts } from './meetings-repo.ts';

/**
 * Who answers for a meeting: its organiser, or an officer with meeting.manage
 * whose scope covers its whole audience and its unit (the shared rule,
 * `requireOffice`): anyone else gets 404, or 403 if invited to it.
 */
export function meetingOfficedBy(repo: MeetingsRepo, actors: ActorRepo, actor: Actor, id: string): MeetingRow {
  const record = (row: MeetingRow) => ({ authorId: row.member_id, audience: JSON.parse(row.audience) as Audience, released: true });
  return requireOffice(actor, repo.meeting(id), record, (audience) =>
    actors.mayPublishTo(actor, audience, 'meeting.manage') && can(actor, 'meeting.manage', { unitPath: actors.unitPath(repo.meeting(id)!.unit_id) }),
  );
}

export function inputOf(row: MeetingRow): MeetingInput {
  const input: MeetingInput = {
    kind: row.meeting_kind,
    unitId: row.unit_id,
    title: row.title,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    audience: JSON.parse(row.audience) as MeetingInput['audience'],
    agenda: JSON.parse(row.agenda) as MeetingInput['agenda'],
    delegates: JSON.parse(row.delegates) as string[],
    quorum: row.quorum ? (JSON.parse(row.quorum) as NonNullable<MeetingInput['quorum']>) : null,
  };
  if (row.title_en) input.titleEn = row.title_en;
  if (row.description) input.description = row.description;
  if (row.description_en) input.descriptionEn = row.description_en;
  if (row.place) input.place = row.place;
  if (row.place_en) input.placeEn = row.place_en;
  if (row.online_url) input.onlineUrl = row.online_url;
  if (row.chair_id) input.chairId = row.chair_id;
  if (row.rsvp_by !== null) input.rsvpBy = row.rsvp_by;
  return input;
}

export function summaryOf(row: MeetingRow, counts: Counts | undefined): MeetingSummary {
  const c = counts ?? { invited: 0, attend: 0, absent: 0, undecided: 0, proxies: 0 };
  return {
    id: row.id,
    kind: row.meeting_kind,
    title: row.title,
    titleEn: row.title_en,
    unitId: row.unit_id,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    cancelled: row.cancelled === 1,
    invited: c.invited,
    answered: { attend: c.attend, absent: c.absent, undecided: c.undecided, proxies: c.proxies },
  };
}

export function detailOf(row: MeetingRow, counts: Counts | undefined, actor: Actor, now: number): MeetingDetail {
  const started = now >= row.starts_at;
  const live = row.cancelled === 0;
  return {
    ...summaryOf(row, counts),
    input: inputOf(row),
    decisions: JSON.parse(row.decisions) as Record<string, DecisionInput>,
    minutes: row.minutes_text === null ? null : { text: row.minutes_text, textEn: row.minutes_text_en, approvedAt: row.minutes_approved_at, documentId: row.minutes_document_id },
    can: {
      edit: live && !started,
      checkIn: live,
      record: live && started && row.minutes_approved_at === null,
      approveMinutes: live && row.minutes_text !== null && row.minutes_approved_at === null && (row.chair_id === null || row.chair_id === actor.memberId),
    },
  };
}
