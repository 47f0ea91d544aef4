import type { Audience, MeetingInput, RsvpAnswer } from '@kumiai/shared';
import { Repository } from '../../lib/statements.ts';

/** A meeting's row of `events` (kind = 'meeting'). */
export interface MeetingRow {
  id: string;
  member_id: string;
  audience: string;
  meeting_kind: MeetingInput['kind'];
  unit_id: string;
  title: string;
  title_en: string | null;
  description: string;
  description_en: string | null;
  starts_at: number;
  ends_at: number;
  place: string | null;
  place_en: string | null;
  online_url: string | null;
  chair_id: string | null;
  quorum: string | null;
  rsvp_by: number | null;
  agenda: string;
  delegates: string;
  decisions: string;
  minutes_text: string | null;
  minutes_text_en: string | null;
  minutes_approved_at: number | null;
  minutes_document_id: string | null;
  cancelled: number;
  updated_at: number;
}

/** An invitee's rsvp row (kind = 'rsvp'). */
export interface RsvpRow {
  member_id: string;
  answer: RsvpAnswer;
  answered_at: number | null;
  proxy: string | null;
  delegate: number;
  present: number;
  withdrawn: number;
}

export interface RsvpCounts {
  invited: number;
  attend: number;
  absent: number;
  undecided: number;
  proxies: number;
}

export interface Invitee {
  memberId: string;
  delegate: boolean;
  code: string;
}

export const rsvpId = (meetingId: string, memberId: string) => `rsvp:${meetingId}:${memberId}`;

/** The meeting's columns as written from an input (the organiser and audience apart). */
function columns(input: MeetingInput) {
  return [
    input.kind,
    input.unitId,
    input.title.trim(),
    input.titleEn?.trim() || null,
    input.description ?? '',
    input.descriptionEn?.trim() || null,
    input.startsAt,
    input.endsAt,
    input.place?.trim() || null,
    input.placeEn?.trim() || null,
    input.onlineUrl ?? null,
    input.chairId ?? null,
    input.quorum ? JSON.stringify(input.quorum) : null,
    input.rsvpBy ?? null,
    JSON.stringify(input.agenda),
    JSON.stringify(input.delegates ?? []),
  ];
}

const MEETING = `SELECT * FROM events WHERE id = ? AND kind = 'meeting'`;

/** All the SQL of meetings: one table `events` (meetings and rsvps), check-ins, calendar feeds. */
export class MeetingsRepo extends Repository {
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  meeting(id: string): MeetingRow | undefined {
    return this.sql(MEETING).get(id) as MeetingRow | undefined;
  }

  meetingsBetween(from: number, to: number): MeetingRow[] {
    return this.sql(`SELECT * FROM events WHERE kind = 'meeting' AND starts_at < ? AND ends_at > ? ORDER BY starts_at, id`).all(to, from) as MeetingRow[];
  }

  /** Meetings starting within (now, until], not cancelled, whose day-before push has not gone yet (the partial index on starts_at). */
  startingSoonUnreminded(now: number, until: number): MeetingRow[] {
    return this.sql(
      `SELECT * FROM events WHERE kind = 'meeting' AND cancelled = 0 AND starts_at > ? AND starts_at <= ?
         AND NOT EXISTS (SELECT 1 FROM meeting_day_before d WHERE d.meeting_id = events.id) ORDER BY starts_at, id`,
    ).all(now, until) as MeetingRow[];
  }

  markDayBefore(meetingId: string, members: number, now: number): void {
    this.sql('INSERT INTO meeting_day_before (meeting_id, sent_at, members) VALUES (?, ?, ?)').run(meetingId, now, members);
  }

  /** Meetings not over yet and not cancelled: those whose invitees follow their audience. */
  openMeetings(now: number): MeetingRow[] {
    return this.sql(`SELECT * FROM events WHERE kind = 'meeting' AND cancelled = 0 AND ends_at > ?`).all(now) as MeetingRow[];
  }

  insertMeeting(id: string, input: MeetingInput, organiserId: string, now: number): void {
    this.sql(
      `INSERT INTO events (id, kind, meeting_id, member_id, audience, meeting_kind, unit_id, title, title_en, description, description_en, starts_at, ends_at,
        place, place_en, online_url, chair_id, quorum, rsvp_by, agenda, delegates, decisions, cancelled, created_at, updated_at)
       VALUES (?, 'meeting', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '{}', 0, ?, ?)`,
    ).run(id, id, organiserId, JSON.stringify(input.audience), ...columns(input), now, now);
  }

  updateMeeting(id: string, input: MeetingInput, now: number): void {
    this.sql(
      `UPDATE events SET audience = ?, meeting_kind = ?, unit_id = ?, title = ?, title_en = ?, description = ?, description_en = ?, starts_at = ?, ends_at = ?,
        place = ?, place_en = ?, online_url = ?, chair_id = ?, quorum = ?, rsvp_by = ?, agenda = ?, delegates = ?, updated_at = ? WHERE id = ? AND kind = 'meeting'`,
    ).run(JSON.stringify(input.audience), ...columns(input), now, id);
  }

  cancel(id: string, reason: string, now: number): void {
    this.sql(`UPDATE events SET cancelled = 1, cancel_reason = ?, updated_at = ? WHERE id = ? AND kind = 'meeting'`).run(reason, now, id);
  }

  setDecisions(id: string, decisions: string, now: number): void {
    this.sql(`UPDATE events SET decisions = ?, updated_at = ? WHERE id = ? AND kind = 'meeting'`).run(decisions, now, id);
  }

  setMinutes(id: string, text: string, textEn: string | null, now: number): void {
    this.sql(`UPDATE events SET minutes_text = ?, minutes_text_en = ?, updated_at = ? WHERE id = ? AND kind = 'meeting'`).run(text, textEn, now, id);
  }

  approveMinutes(id: string, documentId: string, now: number): void {
    this.sql(`UPDATE events SET minutes_approved_at = ?, minutes_document_id = ?, updated_at = ? WHERE id = ? AND kind = 'meeting'`).run(now, documentId, now, id);
  }

  /**
   * Makes the rsvp rows of these invitees in one statement (json_each over the list, however long):
   * new ones answer `undecided`; one withdrawn earlier comes back with its answer; the delegate flag follows the input.
   */
  upsertInvitees(meetingId: string, invitees: readonly Invitee[], now: number): void {
    if (invitees.length === 0) return;
    this.sql(
      `INSERT INTO events (id, kind, meeting_id, member_id, answer, note, delegate, present, checkin_code, updated_at)
       SELECT 'rsvp:' || @meeting || ':' || (j.value ->> '$.m'), 'rsvp', @meeting, j.value ->> '$.m', 'undecided', '', j.value ->> '$.d', 0, j.value ->> '$.c', @now
       FROM json_each(@list) j WHERE true
       ON CONFLICT (id) DO UPDATE SET withdrawn = 0, delegate = excluded.delegate, updated_at = excluded.updated_at
       WHERE events.withdrawn = 1 OR events.delegate IS NOT excluded.delegate`,
    ).run({ meeting: meetingId, now, list: JSON.stringify(invitees.map((i) => ({ m: i.memberId, d: i.delegate ? 1 : 0, c: i.code }))) });
  }

  /** Marks withdrawn the rsvps of members no longer in the audience (their devices lose them; the row and its answer stay). */
  withdrawOthers(meetingId: string, keep: readonly string[], now: number): number {
    return this.sql(
      `UPDATE events SET withdrawn = 1, updated_at = ? WHERE kind = 'rsvp' AND meeting_id = ? AND withdrawn = 0 AND member_id NOT IN (SELECT value FROM json_each(?))`,
    ).run(now, meetingId, JSON.stringify(keep)).changes;
  }

  /** The rsvps of meetings not over yet (their codes are re-signed when the key is new). */
  openRsvps(now: number): { meeting_id: string; member_id: string }[] {
    return this.sql(
      `SELECT r.meeting_id, r.member_id FROM events r JOIN events m ON m.id = r.meeting_id AND m.kind = 'meeting' WHERE r.kind = 'rsvp' AND m.ends_at > ?`,
    ).all(now) as { meeting_id: string; member_id: string }[];
  }

  setCode(meetingId: string, memberId: string, code: string, now: number): void {
    this.sql(`UPDATE events SET checkin_code = ?, updated_at = ? WHERE id = ? AND kind = 'rsvp'`).run(code, now, rsvpId(meetingId, memberId));
  }

  /** The current invitees' rsvps (withdrawn ones left out). */
  rsvps(meetingId: string): RsvpRow[] {
    return this.sql(
      `SELECT member_id, answer, answered_at, proxy, delegate, present, withdrawn FROM events WHERE kind = 'rsvp' AND meeting_id = ? AND withdrawn = 0 ORDER BY member_id`,
    ).all(meetingId) as RsvpRow[];
  }

  invited(meetingId: string, memberId: string): boolean {
    return this.sql(`SELECT 1 FROM events WHERE id = ? AND kind = 'rsvp' AND withdrawn = 0`).get(rsvpId(meetingId, memberId)) !== undefined;
  }

  /** Counts per meeting for lists: invited, answers, proxies. */
  counts(meetingIds: readonly string[]): Map<string, RsvpCounts> {
    const rows = this.sql(
      `SELECT meeting_id, count(*) AS invited, sum(answer = 'attend') AS attend, sum(answer = 'absent') AS absent, sum(answer = 'undecided') AS undecided,
         sum(proxy IS NOT NULL) AS proxies
       FROM events WHERE kind = 'rsvp' AND withdrawn = 0 AND meeting_id IN (SELECT value FROM json_each(?)) GROUP BY meeting_id`,
    ).all(JSON.stringify(meetingIds)) as (RsvpCounts & { meeting_id: string })[];
    return new Map(rows.map(({ meeting_id, ...c }) => [meeting_id, c]));
  }

  answer(meetingId: string, memberId: string, answer: RsvpAnswer, note: string, proxy: string | null, now: number): void {
    this.sql(`UPDATE events SET answer = ?, note = ?, proxy = ?, answered_at = ?, updated_at = ? WHERE id = ? AND kind = 'rsvp'`).run(
      answer, note, proxy, now, now, rsvpId(meetingId, memberId),
    );
  }

  markReminded(meetingId: string, memberIds: readonly string[], now: number): void {
    this.sql(`UPDATE events SET reminded_at = ?, updated_at = ? WHERE kind = 'rsvp' AND meeting_id = ? AND member_id IN (SELECT value FROM json_each(?))`).run(
      now, now, meetingId, JSON.stringify(memberIds),
    );
  }

  /** Present once: 1 when this marked the member present, 0 when they already were (or are not invited). */
  setPresent(meetingId: string, memberId: string, now: number): number {
    return this.sql(`UPDATE events SET present = 1, updated_at = ? WHERE id = ? AND kind = 'rsvp' AND withdrawn = 0 AND present = 0`).run(now, rsvpId(meetingId, memberId)).changes;
  }

  checkinSeen(id: string): boolean {
    return this.sql('SELECT 1 FROM meeting_checkins WHERE id = ?').get(id) !== undefined;
  }

  recordCheckin(id: string, meetingId: string, memberId: string, deviceAt: number, by: string, now: number, outcome: 'recorded' | 'duplicate'): void {
    this.sql('INSERT INTO meeting_checkins (id, meeting_id, member_id, device_at, recorded_by, recorded_at, outcome) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      id, meetingId, memberId, deviceAt, by, now, outcome,
    );
  }

  members(ids: readonly string[]): Map<string, { name: string; unit_id: string }> {
    const rows = this.sql(`SELECT id, name, unit_id FROM members WHERE id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as { id: string; name: string; unit_id: string }[];
    return new Map(rows.map((r) => [r.id, r]));
  }

  /**
   * What changes who an audience reaches: members and units (their sync sequences, which
   * every change of a unit, a status or a member's unit moves) and role grants. Compared
   * at each poll so the invitees follow their meetings' audiences without scanning them each time.
   */
  audienceFingerprint(): string {
    return this.sql(
      `SELECT (SELECT ifnull(max(seq), 0) FROM sync_docs WHERE collection = 'members') || ':' || (SELECT ifnull(max(seq), 0) FROM sync_docs WHERE collection = 'units')
         || ':' || (SELECT count(*) || '.' || ifnull(max(rowid), 0) FROM role_grants)`,
    ).pluck().get() as string;
  }

  /** A member's meetings for their calendar: those they are invited to now. */
  meetingsOf(memberId: string, since: number): MeetingRow[] {
    return this.sql(
      `SELECT m.* FROM events r JOIN events m ON m.id = r.meeting_id AND m.kind = 'meeting'
       WHERE r.kind = 'rsvp' AND r.member_id = ? AND r.withdrawn = 0 AND m.ends_at > ? ORDER BY m.starts_at`,
    ).all(memberId, since) as MeetingRow[];
  }

  setFeed(memberId: string, hash: string, now: number): void {
    this.sql('INSERT INTO calendar_feeds (member_id, secret_hash, created_at) VALUES (?, ?, ?) ON CONFLICT (member_id) DO UPDATE SET secret_hash = excluded.secret_hash, created_at = excluded.created_at').run(memberId, hash, now);
  }

  deleteFeed(memberId: string): number {
    return this.sql('DELETE FROM calendar_feeds WHERE member_id = ?').run(memberId).changes;
  }

  feedMember(hash: string): { id: string; status: string } | undefined {
    return this.sql('SELECT m.id, m.status FROM calendar_feeds f JOIN members m ON m.id = f.member_id WHERE f.secret_hash = ?').get(hash) as { id: string; status: string } | undefined;
  }

  audienceOf(row: MeetingRow): Audience {
    return JSON.parse(row.audience) as Audience;
  }
}
