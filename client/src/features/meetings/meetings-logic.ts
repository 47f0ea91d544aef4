import type { EventDoc, RsvpAnswer } from '@kumiai/shared';

/**
 * What the member's screens make of the `events` rows on the device: each
 * meeting with the member's own rsvp, in the order the list shows them, and
 * what may still be answered. Pure, so it is tested without a browser.
 */

/** A meeting on the device and the member's own answer (null: they organise it but are not invited). */
export interface MyMeeting {
  meeting: EventDoc;
  rsvp: EventDoc | null;
}

/** Pairs each meeting with the member's rsvp (only their own ever reaches the device). */
export function myMeetings(docs: readonly EventDoc[], memberId: string): MyMeeting[] {
  const rsvps = new Map(docs.filter((d) => d.kind === 'rsvp' && d.memberId === memberId).map((d) => [d.meetingId, d]));
  return docs.filter((d) => d.kind === 'meeting').map((meeting) => ({ meeting, rsvp: rsvps.get(meeting.meetingId) ?? null }));
}

const startOf = (m: MyMeeting): number => m.meeting.startsAt ?? 0;
const endOf = (m: MyMeeting): number => m.meeting.endsAt ?? startOf(m);

/** Upcoming (not ended yet, the one under way included), soonest first; then past ones, latest first. Cancelled ones keep their place, marked. */
export function orderMeetings(list: readonly MyMeeting[], now: number): { upcoming: MyMeeting[]; past: MyMeeting[] } {
  const upcoming = list.filter((m) => endOf(m) > now).sort((a, b) => startOf(a) - startOf(b) || a.meeting.id.localeCompare(b.meeting.id));
  const past = list.filter((m) => endOf(m) <= now).sort((a, b) => startOf(b) - startOf(a) || a.meeting.id.localeCompare(b.meeting.id));
  return { upcoming, past };
}

/** Where a meeting stands for the member now. */
export type MeetingPhase = 'cancelled' | 'upcoming' | 'ongoing' | 'ended';
export function meetingPhase(meeting: EventDoc, now: number): MeetingPhase {
  if (meeting.cancelled) return 'cancelled';
  if (now < (meeting.startsAt ?? 0)) return 'upcoming';
  return now < (meeting.endsAt ?? 0) ? 'ongoing' : 'ended';
}

/** The answer may change until the start (the server decides on its own clock: a late one is refused as closed), never in a cancelled meeting. */
export function answerable(meeting: EventDoc, now: number): boolean {
  return meetingPhase(meeting, now) === 'upcoming';
}

/** Asked of the member: invited, still answerable, and still 未定 (the answer every invitee starts with). */
export function awaitsAnswer(m: MyMeeting, now: number): boolean {
  return m.rsvp !== null && answerable(m.meeting, now) && (m.rsvp.answer ?? 'undecided') === 'undecided';
}

/** The meetings awaiting the member's answer, soonest first (手続き and its badge). */
export function awaitingAnswer(list: readonly MyMeeting[], now: number): MyMeeting[] {
  return orderMeetings(list, now).upcoming.filter((m) => awaitsAnswer(m, now));
}

/** The next meeting the member is invited to and that will take place (the home card). */
export function nextMeeting(list: readonly MyMeeting[], now: number): MyMeeting | null {
  return orderMeetings(list, now).upcoming.find((m) => m.rsvp !== null && !m.meeting.cancelled) ?? null;
}

/**
 * Meetings the member was invited to that were cancelled and would not have taken place yet: the home card
 * says so, so that nobody who meant to go learns it at a locked door (unless they had said they would not come).
 */
export function cancelledAhead(list: readonly MyMeeting[], now: number): MyMeeting[] {
  return orderMeetings(list, now).upcoming.filter((m) => m.meeting.cancelled && m.rsvp !== null && m.rsvp.answer !== 'absent');
}

/**
 * Whether the member may give a proxy (委任状) to the chair: the quorum rule
 * admits proxies and the meeting has a chair who is not the member. (Another
 * invitee is not offered: the device holds no other members' names.)
 */
export function mayGiveProxyToChair(meeting: EventDoc, memberId: string): boolean {
  return meeting.quorum?.proxies === true && typeof meeting.chairId === 'string' && meeting.chairId !== memberId;
}

/** Whether the meeting's rule admits proxies (委任状) at all: to the chair, or to another invitee who will attend. */
export function proxiesAdmitted(meeting: EventDoc): boolean {
  return meeting.quorum?.proxies === true;
}

export type ProxyChoice = { chair: true } | { memberId: string } | null;

/** The fields the device writes for an answer: a proxy only with 欠席 or 未定 and where it is admitted (one who attends needs none). */
export function rsvpChange(answer: RsvpAnswer, note: string, proxy: ProxyChoice, proxyAllowed: boolean): Pick<EventDoc, 'answer' | 'note' | 'proxy'> {
  return { answer, note: note.trim(), proxy: proxy && proxyAllowed && answer !== 'attend' ? proxy : null };
}

/** The hashes of the uploaded files among the meetings' materials (kept on the device's meetings shelf). */
export function materialFiles(meetings: readonly EventDoc[]): string[] {
  const hashes = new Set<string>();
  for (const meeting of meetings) for (const item of meeting.agenda ?? []) for (const material of item.materials) if ('file' in material) hashes.add(material.file.hash);
  return [...hashes];
}
