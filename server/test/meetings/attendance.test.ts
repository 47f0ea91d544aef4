import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import { countQuorum, type CheckinResult, type MeetingDetail, type QuorumCount, type ResponsesPage } from '@kumiai/shared';
import { seedMember, seedOrg, signIn } from '../seed.ts';
import { openAs, startSyncServer, type RawClient, type SyncServer } from '../sync/support.ts';
import { DAY, audience, committee, createMeeting, rsvpRow, type Headers } from './support.ts';

let server: SyncServer;
const clients: RawClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await server.close();
});

const codeOf = (meetingId: string, memberId: string) => rsvpRow(server, meetingId, memberId)!.checkin_code;
const checkIn = async (headers: Headers, meetingId: string, checkins: { id: string; at: number; code?: string; memberId?: string }[]) => {
  const res = await server.app.inject({ method: 'POST', url: `/api/meetings/${meetingId}/checkins`, headers, payload: { checkins } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<CheckinResult>();
};
const answer = (meetingId: string, memberId: string, a: string, proxy: object | null) =>
  server.db.prepare('UPDATE events SET answer = ?, proxy = ?, answered_at = 1 WHERE id = ?').run(a, proxy ? JSON.stringify(proxy) : null, `rsvp:${meetingId}:${memberId}`);

/** Branch A's committee: offA (chair), viewA, memA, and two more members of A1. */
async function branchCommittee() {
  server = await startSyncServer();
  await seedOrg(server);
  await seedMember(server.db, { id: 'a1', employeeNumber: '000301', unitId: 'wA1', password: null });
  await seedMember(server.db, { id: 'a2', employeeNumber: '000302', unitId: 'wA1', password: null });
  const offA = await signIn(server, '000010');
  const meeting = await createMeeting(server, offA, committee(server, { audience: audience({ units: ['bA'] }) }));
  expect(meeting.invited).toBe(5);
  return { offA, meeting };
}

describe('attendance, quorum and responses (issue 19)', () => {
  it('counts a member once however many devices checked them in, offline and again; refuses forged, foreign and uninvited check-ins with codes', async () => {
    const { offA, meeting } = await branchCommittee();
    const offB = await signIn(server, '000020');
    const other = await createMeeting(server, offB, committee(server, { unitId: 'bB', audience: audience({ units: ['wB1'] }), chairId: 'offB' }));
    const code = codeOf(meeting.id, 'memA');
    // Two officers' phones, both offline at the door, each scanned memA; each sends when back online, one of them twice.
    const phone1 = await checkIn(offA, meeting.id, [{ id: 'phone1-0001', at: 1, code }, { id: 'phone1-0002', at: 2, memberId: 'a1' }]);
    expect(phone1).toEqual({ recorded: 2, duplicates: 0, refused: [] });
    const phone2 = await checkIn(offA, meeting.id, [{ id: 'phone2-0001', at: 3, code }]);
    expect(phone2).toEqual({ recorded: 0, duplicates: 1, refused: [] });
    expect(await checkIn(offA, meeting.id, [{ id: 'phone1-0001', at: 1, code }])).toEqual({ recorded: 0, duplicates: 1, refused: [] });
    expect(server.db.prepare("SELECT count(*) FROM events WHERE kind = 'rsvp' AND meeting_id = ? AND present = 1").pluck().get(meeting.id)).toBe(2);
    // The door's list (the responses pages) says who is in already, from whichever device.
    const listed = (await server.app.inject({ method: 'GET', url: `/api/meetings/${meeting.id}/responses`, headers: offA })).json<ResponsesPage>().members;
    expect(listed.filter((x) => x.present).map((x) => x.memberId).sort()).toEqual(['a1', 'memA']);

    const forged = code.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    const otherMembers = code.split('.');
    otherMembers[2] = Buffer.from('a2').toString('base64url'); // memA's MAC with a2's id: not a2's code
    const refused = await checkIn(offA, meeting.id, [
      { id: 'bad-00001', at: 4, code: forged },
      { id: 'bad-00002', at: 4, code: otherMembers.join('.') },
      { id: 'bad-00003', at: 4, code: codeOf(other.id, 'memB') },
      { id: 'bad-00004', at: 4, code: 'not a code at all' },
      { id: 'bad-00005', at: 4, memberId: 'memB' },
    ]);
    expect(refused).toEqual({
      recorded: 0,
      duplicates: 0,
      refused: [
        { id: 'bad-00001', code: 'checkin_code_invalid' },
        { id: 'bad-00002', code: 'checkin_code_invalid' },
        { id: 'bad-00003', code: 'checkin_code_other_meeting' },
        { id: 'bad-00004', code: 'checkin_code_invalid' },
        { id: 'bad-00005', code: 'checkin_not_invited' },
      ],
    });
    expect(rsvpRow(server, meeting.id, 'a2')!.present).toBe(0);
    expect(rsvpRow(server, other.id, 'memB')!.present).toBe(0);
    // An officer of another branch cannot check anyone in here.
    const foreign = await server.app.inject({ method: 'POST', url: `/api/meetings/${meeting.id}/checkins`, headers: offB, payload: { checkins: [{ id: 'offB-00001', at: 5, memberId: 'a2' }] } });
    expect(foreign.statusCode).toBe(404);
    expect(rsvpRow(server, meeting.id, 'a2')!.present).toBe(0);
  });

  it('counts the quorum as countQuorum does: present, proxies to the chair and to a present invitee, not to an absent one', async () => {
    const { offA, meeting } = await branchCommittee();
    answer(meeting.id, 'memA', 'absent', { chair: true });
    answer(meeting.id, 'a1', 'absent', { memberId: 'offA' });
    answer(meeting.id, 'a2', 'absent', { memberId: 'viewA' }); // viewA does not come: this one cannot count
    const quorum = async () => (await server.app.inject({ method: 'GET', url: `/api/meetings/${meeting.id}/quorum`, headers: offA })).json<QuorumCount>();
    expect(await quorum()).toMatchObject({ base: 5, required: 3, present: 0, proxies: 1, counted: 1, met: false, short: 2 });
    await checkIn(offA, meeting.id, [{ id: 'door-00001', at: 1, memberId: 'offA' }]);
    const count = await quorum();
    expect(count).toMatchObject({ base: 5, required: 3, present: 1, proxies: 2, counted: 3, met: true, short: 0 });
    const invitees = ['a1', 'a2', 'memA', 'offA', 'viewA'].map((memberId) => ({ memberId }));
    expect(count).toMatchObject(countQuorum(meeting.input.quorum!, invitees, ['offA'], [
      { from: 'memA', to: { chair: true } }, { from: 'a1', to: { memberId: 'offA' } }, { from: 'a2', to: { memberId: 'viewA' } },
    ]));
    // A giver who comes in person is counted once, as present.
    await checkIn(offA, meeting.id, [{ id: 'door-00002', at: 2, code: codeOf(meeting.id, 'memA') }]);
    expect(await quorum()).toMatchObject({ present: 2, proxies: 1, counted: 3 });
  });

  it('shows counts per unit and who has not answered, reminds only them (push and in-app), and stops at the start', async () => {
    const { offA, meeting } = await branchCommittee();
    answer(meeting.id, 'memA', 'attend', null);
    answer(meeting.id, 'a1', 'absent', { chair: true });
    const res = await server.app.inject({ method: 'GET', url: `/api/meetings/${meeting.id}/responses`, headers: offA });
    const page = res.json<ResponsesPage>();
    expect(page.perUnit).toEqual([
      { unitId: 'bA', invited: 1, attend: 0, absent: 0, undecided: 0, proxies: 0, noAnswer: 1 },
      { unitId: 'wA1', invited: 4, attend: 1, absent: 1, undecided: 0, proxies: 1, noAnswer: 2 },
    ]);
    expect(page.members.map((m) => m.memberId)).toEqual(['a2', 'offA', 'viewA']);
    expect(page.next).toBeNull();
    const attending = await server.app.inject({ method: 'GET', url: `/api/meetings/${meeting.id}/responses?answer=attend`, headers: offA });
    expect(attending.json<ResponsesPage>().members).toEqual([{ memberId: 'memA', name: '名前000100', unitId: 'wA1', answer: 'attend', present: false }]);
    // A member cannot see the responses.
    expect((await server.app.inject({ method: 'GET', url: `/api/meetings/${meeting.id}/responses`, headers: await signIn(server, '000100') })).statusCode).toBe(403);

    const remind = await server.app.inject({ method: 'POST', url: `/api/meetings/${meeting.id}/remind`, headers: offA, payload: {} });
    expect(remind.json()).toEqual({ reminded: 3, pushed: 0 });
    expect(rsvpRow(server, meeting.id, 'a2')!.reminded_at).toBe(server.clock.now());
    expect(rsvpRow(server, meeting.id, 'memA')!.reminded_at).toBeNull();
    const device = await openAs(server, 'viewA', clients);
    expect((await device.pullAll('events')).docs.get(`rsvp:${meeting.id}:viewA`)).toMatchObject({ remindedAt: server.clock.now() });
    server.clock.advance(8 * DAY);
    const late = await server.app.inject({ method: 'POST', url: `/api/meetings/${meeting.id}/remind`, headers: offA, payload: {} });
    expect(late.json()).toMatchObject({ error: { code: 'meeting_started' } });
  });
});

describe('calendars and minutes (issue 19)', () => {
  it('serves a meeting’s .ics to invitees (parsed by ical.js: UTC times, summary), and a secret feed that rotates and is revoked', async () => {
    const { meeting } = await branchCommittee();
    const memA = await signIn(server, '000100');
    const res = await server.app.inject({ method: 'GET', url: `/api/meetings/${meeting.id}/event.ics`, headers: memA });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(res.body) as unknown[]).getFirstSubcomponent('vevent')!);
    expect(event.summary).toBe('A支部委員会');
    expect(event.location).toBe('A支部会議室');
    expect(event.startDate.toJSDate().getTime()).toBe(meeting.startsAt);
    expect(event.endDate.toJSDate().getTime()).toBe(meeting.endsAt);
    expect(event.startDate.zone.tzid).toBe('UTC');
    expect(res.body).toContain('BEGIN:VALARM');
    expect((await server.app.inject({ method: 'GET', url: `/api/meetings/${meeting.id}/event.ics`, headers: await signIn(server, '000200') })).statusCode).toBe(404);

    const feedUrl = async () => new URL((await server.app.inject({ method: 'POST', url: '/api/me/calendar-feed', headers: memA, payload: {} })).json<{ url: string }>().url).pathname;
    const first = await feedUrl();
    const secret = /^\/calendar\/([A-Za-z0-9_-]{43})\.ics$/.exec(first)![1]!;
    expect(JSON.stringify(server.db.prepare('SELECT * FROM calendar_feeds').all())).not.toContain(secret);
    const feed = await server.app.inject({ method: 'GET', url: first });
    expect(feed.statusCode).toBe(200);
    const events = new ICAL.Component(ICAL.parse(feed.body) as unknown[]).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v).summary);
    expect(events).toEqual(['A支部委員会']);
    const second = await feedUrl();
    expect((await server.app.inject({ method: 'GET', url: first })).statusCode).toBe(404);
    expect((await server.app.inject({ method: 'GET', url: second })).statusCode).toBe(200);
    expect((await server.app.inject({ method: 'DELETE', url: '/api/me/calendar-feed', headers: memA })).statusCode).toBe(200);
    expect((await server.app.inject({ method: 'GET', url: second })).statusCode).toBe(404);
  });

  it('records decisions after the start and files the chair-approved minutes in 議事録 for the meeting’s audience only', async () => {
    server = await startSyncServer();
    await seedOrg(server);
    const offA = await signIn(server, '000010');
    const meeting = await createMeeting(server, offA, committee(server, { chairId: 'memA' }));
    const decide = () => server.app.inject({ method: 'PUT', url: `/api/meetings/${meeting.id}/decisions/a1`, headers: offA, payload: { method: 'hands', for: 2, against: 0, abstain: 0, outcome: 'approved' } });
    expect((await decide()).json()).toMatchObject({ error: { code: 'meeting_not_started' } });
    server.clock.advance(7 * DAY + 3 * 3600 * 1000);
    expect((await decide()).statusCode).toBe(200);
    expect((await server.app.inject({ method: 'PUT', url: `/api/meetings/${meeting.id}/decisions/zz`, headers: offA, payload: { method: 'hands', outcome: 'approved' } })).statusCode).toBe(404);
    const memA = await signIn(server, '000100');
    expect((await server.app.inject({ method: 'POST', url: `/api/meetings/${meeting.id}/minutes/approve`, headers: memA, payload: {} })).json()).toMatchObject({ error: { code: 'minutes_missing' } });
    expect((await server.app.inject({ method: 'PUT', url: `/api/meetings/${meeting.id}/minutes`, headers: offA, payload: { text: '議長に memA を選出。活動報告を承認した。' } })).statusCode).toBe(200);
    // Only the chair approves: the officer who wrote the draft cannot.
    expect((await server.app.inject({ method: 'POST', url: `/api/meetings/${meeting.id}/minutes/approve`, headers: offA, payload: {} })).statusCode).toBe(403);
    const approved = await server.app.inject({ method: 'POST', url: `/api/meetings/${meeting.id}/minutes/approve`, headers: memA, payload: {} });
    expect(approved.statusCode, approved.body).toBe(200);
    const detail = approved.json<MeetingDetail>();
    const documentId = detail.minutes!.documentId!;
    expect(detail.minutes).toMatchObject({ approvedAt: server.clock.now() });
    expect((await server.app.inject({ method: 'PUT', url: `/api/meetings/${meeting.id}/minutes`, headers: offA, payload: { text: '書き換え' } })).json()).toMatchObject({ error: { code: 'minutes_approved' } });

    const docs = async (memberId: string) => (await (await openAs(server, memberId, clients)).pullAll('documents')).docs;
    const filed = (await docs('memA')).get(documentId);
    expect(filed).toMatchObject({ kind: 'document', folderId: 'folder-minutes', title: '議事録 A支部委員会', audience: audience({ units: ['wA1'] }), current: { version: 1, file: { type: 'application/pdf' } } });
    expect((await docs('memB')).has(documentId)).toBe(false);
    const hash = (filed!.current as { file: { hash: string } }).file.hash;
    const pdf = await server.app.inject({ method: 'GET', url: `/api/files/${hash}`, headers: memA });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // The meeting's own document points at the filed minutes.
    expect((await (await openAs(server, 'memA', clients)).pullAll('events')).docs.get(meeting.id)).toMatchObject({ minutesDocumentId: documentId, decisions: { a1: { outcome: 'approved', for: 2 } } });
  });
});
