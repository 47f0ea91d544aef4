import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { checkinBatchSchema, eventDocSchema, meetingInputSchema, type MeetingInput } from '@kumiai/shared';

// The meetings contract (issue 19) compiles as the server's validators will compile it (ajv, as the sync engine and Fastify do).
const ajv = new Ajv({ allErrors: false, strict: false });
const validMeeting = ajv.compile(meetingInputSchema);
const validEvent = ajv.compile(eventDocSchema);
const validCheckins = ajv.compile(checkinBatchSchema);

const convention: MeetingInput = {
  kind: 'convention',
  unitId: 'u-root',
  title: '第80回定期大会',
  startsAt: Date.UTC(2027, 0, 20, 4),
  endsAt: Date.UTC(2027, 0, 20, 8),
  place: '本社大会議室',
  onlineUrl: 'https://meet.example.org/taikai',
  audience: { all: false, units: ['u-root'], roles: [], members: [] },
  delegates: ['m1', 'm2', 'm3'],
  chairId: 'm1',
  quorum: { base: 'delegates', threshold: { kind: 'two_thirds' }, proxies: true },
  agenda: [
    { id: 'a1', title: '2026年度活動報告', materials: [{ documentId: 'doc-1' }] },
    { id: 'a2', title: '2027年度運動方針', materials: [{ file: { hash: 'a'.repeat(64), name: '方針案.pdf', type: 'application/pdf', size: 1200 } }] },
  ],
};

describe('the meetings contract', () => {
  it('accepts a convention with delegates, a quorum rule, agenda items and materials', () => {
    expect(validMeeting(convention)).toBe(true);
    expect(validMeeting({ ...convention, kind: 'social', quorum: null, delegates: undefined, agenda: [] })).toBe(true);
    expect(validMeeting({ ...convention, quorum: { base: 'invited', threshold: { kind: 'fraction', numerator: 1, denominator: 3, strict: false }, proxies: false } })).toBe(true);
  });

  it.each([
    ['a plain-http meeting link', { onlineUrl: 'http://meet.example.org/x' }],
    ['a fraction without saying strict or inclusive', { quorum: { base: 'invited', threshold: { kind: 'fraction', numerator: 1, denominator: 2 }, proxies: true } }],
    ['an unknown threshold', { quorum: { base: 'invited', threshold: { kind: 'most' }, proxies: true } }],
    ['a material that is both a document and a file', { agenda: [{ id: 'a', title: 't', materials: [{ documentId: 'd', file: convention.agenda[1]!.materials[0] }] }] }],
    ['an unknown kind', { kind: 'party' }],
  ])('refuses %s', (_, change) => {
    expect(validMeeting({ ...convention, ...change })).toBe(false);
  });

  it('holds a meeting and a member’s rsvp with a proxy in one synced collection', () => {
    expect(validEvent({ id: 'mt1', kind: 'meeting', meetingId: 'mt1', title: '大会', startsAt: 1, endsAt: 2, agenda: convention.agenda, quorum: convention.quorum, decisions: { a1: { method: 'delegates', for: 30, against: 2, abstain: 1, outcome: 'approved' } }, cancelled: false, updatedAt: 5 })).toBe(true);
    expect(validEvent({ id: 'rsvp:mt1:m5', kind: 'rsvp', meetingId: 'mt1', memberId: 'm5', answer: 'absent', note: '夜勤のため', proxy: { chair: true }, delegate: true, present: false, checkinCode: 'c0de', updatedAt: 6 })).toBe(true);
    expect(validEvent({ id: 'rsvp:mt1:m5', kind: 'rsvp', meetingId: 'mt1', answer: 'absent', proxy: { memberId: 'm2' }, updatedAt: 6 })).toBe(true);
    expect(validEvent({ id: 'rsvp:mt1:m5', kind: 'rsvp', meetingId: 'mt1', answer: 'absent', proxy: { chair: true, memberId: 'm2' }, updatedAt: 6 })).toBe(false);
    expect(validEvent({ id: 'rsvp:mt1:m5', kind: 'rsvp', meetingId: 'mt1', answer: 'maybe', updatedAt: 6 })).toBe(false);
  });

  it('takes check-ins by QR code or by name, a batch at a time', () => {
    expect(validCheckins({ checkins: [{ id: 'device-1-0001', at: 1, code: 'qr' }, { id: 'device-1-0002', at: 2, memberId: 'm9' }] })).toBe(true);
    expect(validCheckins({ checkins: [] })).toBe(false);
    expect(validCheckins({ checkins: Array.from({ length: 501 }, (_, i) => ({ id: `device-1-${String(i).padStart(4, '0')}`, at: i, memberId: 'm' })) })).toBe(false);
  });
});
