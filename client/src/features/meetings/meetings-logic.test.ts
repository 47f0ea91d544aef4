import type { EventDoc } from '@kumiai/shared';
import { describe, expect, it } from 'vitest';
import { answerable, awaitingAnswer, cancelledAhead, materialFiles, mayGiveProxyToChair, meetingPhase, myMeetings, nextMeeting, orderMeetings, proxiesAdmitted, rsvpChange } from './meetings-logic.ts';

const H = 3600 * 1000;
const NOW = 1_800_000_000_000;
const meeting = (id: string, startsIn: number, extra: Partial<EventDoc> = {}): EventDoc => ({
  id,
  kind: 'meeting',
  meetingId: id,
  title: id,
  startsAt: NOW + startsIn,
  endsAt: NOW + startsIn + 2 * H,
  cancelled: false,
  chairId: 'chair',
  quorum: { base: 'invited', threshold: { kind: 'majority' }, proxies: true },
  agenda: [],
  updatedAt: 0,
  ...extra,
});
const rsvp = (meetingId: string, memberId = 'me', extra: Partial<EventDoc> = {}): EventDoc => ({ id: `rsvp:${meetingId}:${memberId}`, kind: 'rsvp', meetingId, memberId, answer: 'undecided', note: '', proxy: null, updatedAt: 0, ...extra });
const ids = (list: { meeting: EventDoc }[]) => list.map((m) => m.meeting.id);

describe('the member’s meetings', () => {
  it('pairs each meeting with the member’s own rsvp only (an organiser who is not invited has none)', () => {
    const list = myMeetings([meeting('a', H), rsvp('a'), rsvp('a', 'other'), meeting('b', H)], 'me');
    expect(list.map((m) => [m.meeting.id, m.rsvp?.id ?? null])).toEqual([
      ['a', 'rsvp:a:me'],
      ['b', null],
    ]);
  });

  it('lists upcoming meetings soonest first (one under way among them), then past ones latest first; cancelled ones keep their place', () => {
    const list = myMeetings([meeting('later', 48 * H), meeting('past-old', -100 * H), meeting('soon', 2 * H, { cancelled: true }), meeting('now', -H), meeting('past', -10 * H)], 'me');
    const { upcoming, past } = orderMeetings(list, NOW);
    expect(ids(upcoming)).toEqual(['now', 'soon', 'later']);
    expect(ids(past)).toEqual(['past', 'past-old']);
  });

  it('tells upcoming, under way, ended and cancelled apart; answers only until the start and never when cancelled', () => {
    expect(meetingPhase(meeting('a', H), NOW)).toBe('upcoming');
    expect(meetingPhase(meeting('a', 0), NOW)).toBe('ongoing');
    expect(meetingPhase(meeting('a', -3 * H), NOW)).toBe('ended');
    expect(meetingPhase(meeting('a', H, { cancelled: true }), NOW)).toBe('cancelled');
    expect(answerable(meeting('a', 1), NOW)).toBe(true);
    expect(answerable(meeting('a', 0), NOW)).toBe(false);
    expect(answerable(meeting('a', H, { cancelled: true }), NOW)).toBe(false);
  });

  it('asks for an answer while it is 未定 and the meeting is ahead, soonest first; the next meeting skips cancelled ones and those the member is not invited to', () => {
    const docs = [
      meeting('answered', H),
      rsvp('answered', 'me', { answer: 'absent' }),
      meeting('open-late', 10 * H),
      rsvp('open-late'),
      meeting('open-soon', 2 * H),
      rsvp('open-soon'),
      meeting('started', -H),
      rsvp('started'),
      meeting('cancelled', 30 * 60 * 1000, { cancelled: true }),
      rsvp('cancelled'),
      meeting('organised', 20 * 60 * 1000),
    ];
    const list = myMeetings(docs, 'me');
    expect(ids(awaitingAnswer(list, NOW))).toEqual(['open-soon', 'open-late']);
    expect(nextMeeting(list, NOW)?.meeting.id).toBe('started');
    expect(nextMeeting(list, NOW + 5 * H)?.meeting.id).toBe('open-late');
    expect(nextMeeting([], NOW)).toBeNull();
  });

  it('tells of a cancelled meeting still ahead to those invited, unless they had said they would not come', () => {
    const docs = [
      meeting('called-off', 3 * H, { cancelled: true }),
      rsvp('called-off', 'me', { answer: 'attend' }),
      meeting('called-off-undecided', 4 * H, { cancelled: true }),
      rsvp('called-off-undecided'),
      meeting('called-off-absent', 5 * H, { cancelled: true }),
      rsvp('called-off-absent', 'me', { answer: 'absent' }),
      meeting('called-off-past', -5 * H, { cancelled: true }),
      rsvp('called-off-past', 'me', { answer: 'attend' }),
      meeting('called-off-not-invited', 2 * H, { cancelled: true }),
      meeting('held', H),
      rsvp('held', 'me', { answer: 'attend' }),
    ];
    const list = myMeetings(docs, 'me');
    expect(ids(cancelledAhead(list, NOW))).toEqual(['called-off', 'called-off-undecided']);
    expect(nextMeeting(list, NOW)?.meeting.id).toBe('held');
    expect(ids(awaitingAnswer(list, NOW))).toEqual([]);
  });

  it('offers a proxy to the chair only where the rule admits proxies, a chair is named and it is not the member', () => {
    expect(mayGiveProxyToChair(meeting('a', H), 'me')).toBe(true);
    expect(mayGiveProxyToChair(meeting('a', H), 'chair')).toBe(false);
    expect(mayGiveProxyToChair(meeting('a', H, { chairId: null }), 'me')).toBe(false);
    expect(mayGiveProxyToChair(meeting('a', H, { quorum: null }), 'me')).toBe(false);
    expect(mayGiveProxyToChair(meeting('a', H, { quorum: { base: 'invited', threshold: { kind: 'half' }, proxies: false } }), 'me')).toBe(false);
  });

  it('writes a proxy only with 欠席 or 未定 and where admitted; trims the note', () => {
    const chair = { chair: true } as const;
    expect(rsvpChange('absent', ' 出張 ', chair, true)).toEqual({ answer: 'absent', note: '出張', proxy: { chair: true } });
    expect(rsvpChange('undecided', '', chair, true)).toEqual({ answer: 'undecided', note: '', proxy: { chair: true } });
    expect(rsvpChange('absent', '', { memberId: 'a1' }, true)).toEqual({ answer: 'absent', note: '', proxy: { memberId: 'a1' } });
    expect(rsvpChange('attend', '', chair, true)).toEqual({ answer: 'attend', note: '', proxy: null });
    expect(rsvpChange('attend', '', { memberId: 'a1' }, true)).toEqual({ answer: 'attend', note: '', proxy: null });
    expect(rsvpChange('absent', '', chair, false)).toEqual({ answer: 'absent', note: '', proxy: null });
    expect(rsvpChange('absent', '', null, true)).toEqual({ answer: 'absent', note: '', proxy: null });
  });

  it('admits proxies by the rule alone (a proxy to an attendee needs no chair)', () => {
    expect(proxiesAdmitted(meeting('a', H, { chairId: null }))).toBe(true);
    expect(proxiesAdmitted(meeting('a', H, { quorum: null }))).toBe(false);
    expect(proxiesAdmitted(meeting('a', H, { quorum: { base: 'invited', threshold: { kind: 'half' }, proxies: false } }))).toBe(false);
  });

  it('keeps every uploaded material file once, not library documents', () => {
    const file = (hash: string) => ({ file: { hash, name: `${hash}.pdf`, type: 'application/pdf' as const, size: 1 } });
    const a = meeting('a', H, { agenda: [{ id: 'i1', title: 't', materials: [file('1'.repeat(64)), { documentId: 'doc' }] }, { id: 'i2', title: 't', materials: [file('2'.repeat(64))] }] });
    const b = meeting('b', H, { agenda: [{ id: 'i1', title: 't', materials: [file('1'.repeat(64))] }] });
    expect(materialFiles([a, b]).sort()).toEqual(['1'.repeat(64), '2'.repeat(64)]);
  });
});
