import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Attachment, MeetingDetail, MeetingSummary } from '@kumiai/shared';
import { startTestServer } from '../helpers.ts';
import { japanesePdf } from '../japanese-pdf.ts';
import { eachSeededServer, seedOrg, signIn } from '../seed.ts';
import { DAY, audience, committee, createMeeting, rsvpRow } from './support.ts';

const server = eachSeededServer();

describe('meetings: create, update, cancel (issue 19)', () => {
  it('refuses meetings that do not hold together, or outside the officer’s scope, with codes and no rows', async () => {
    const s = server();
    const offA = await signIn(s, '000010');
    const post = (payload: object, headers = offA) => s.app.inject({ method: 'POST', url: '/api/meetings', headers, payload });
    const base = committee(s);
    expect((await post({ ...base, endsAt: base.startsAt })).json()).toMatchObject({ error: { code: 'meeting_invalid' } });
    expect((await post({ ...base, agenda: [base.agenda[0], base.agenda[0]] })).json()).toMatchObject({ error: { code: 'meeting_invalid' } });
    expect((await post({ ...base, delegates: ['memB'] })).json()).toMatchObject({ error: { code: 'meeting_invalid' } });
    expect((await post({ ...base, chairId: 'memB' })).json()).toMatchObject({ error: { code: 'meeting_invalid' } });
    expect((await post({ ...base, audience: audience({ units: ['wB1'] }) })).statusCode).toBe(403);
    expect((await post({ ...base, unitId: 'bB', audience: audience({ units: ['wA1'] }) })).statusCode).toBe(404);
    expect((await post({ ...base, onlineUrl: 'javascript:alert(1)' })).json()).toMatchObject({ error: { code: 'validation_failed' } });
    expect((await post(base, await signIn(s, '000100'))).statusCode).toBe(403);
    expect(s.db.prepare('SELECT count(*) FROM events').pluck().get()).toBe(0);
  });

  it('makes every invitee’s rsvp with a delegate flag and a distinct code; edits until the start; cancels; lists in scope', async () => {
    const s = server();
    const offA = await signIn(s, '000010');
    const meeting = await createMeeting(s, offA, committee(s, { audience: audience({ units: ['bA'] }), delegates: ['memA', 'offA'] }));
    expect(meeting).toMatchObject({ invited: 3, answered: { attend: 0, absent: 0, undecided: 3, proxies: 0 }, can: { edit: true, checkIn: true, record: false, approveMinutes: false } });
    const rows = s.db.prepare("SELECT member_id, delegate, checkin_code FROM events WHERE kind = 'rsvp' AND meeting_id = ? ORDER BY member_id").all(meeting.id) as { member_id: string; delegate: number; checkin_code: string }[];
    expect(rows.map((r) => [r.member_id, r.delegate])).toEqual([['memA', 1], ['offA', 1], ['viewA', 0]]);
    expect(new Set(rows.map((r) => r.checkin_code)).size).toBe(3);
    // The key that signs the codes lives in the data directory, readable by the server's user only.
    expect(fs.statSync(path.join(s.config.dataDir, 'meetings-checkin.key')).mode & 0o777).toBe(0o600);

    const list = await s.app.inject({ method: 'GET', url: '/api/meetings', headers: offA });
    expect(list.json<{ meetings: MeetingSummary[] }>().meetings.map((m) => m.id)).toEqual([meeting.id]);
    expect((await s.app.inject({ method: 'GET', url: '/api/meetings', headers: await signIn(s, '000020') })).json<{ meetings: MeetingSummary[] }>().meetings).toEqual([]);
    expect((await s.app.inject({ method: 'GET', url: `/api/meetings/${meeting.id}`, headers: await signIn(s, '000020') })).statusCode).toBe(404);

    const cancelled = await s.app.inject({ method: 'POST', url: `/api/meetings/${meeting.id}/cancel`, headers: offA, payload: { reason: '台風のため' } });
    expect(cancelled.json<MeetingDetail>()).toMatchObject({ cancelled: true, can: { edit: false, checkIn: false } });
    expect((await s.app.inject({ method: 'PUT', url: `/api/meetings/${meeting.id}`, headers: offA, payload: meeting.input })).json()).toMatchObject({ error: { code: 'meeting_cancelled' } });

    const next = await createMeeting(s, offA, committee(s));
    s.clock.advance(7 * DAY);
    expect((await s.app.inject({ method: 'PUT', url: `/api/meetings/${next.id}`, headers: offA, payload: { ...next.input, title: '遅すぎる変更' } })).json()).toMatchObject({ error: { code: 'meeting_started' } });
    expect(s.db.prepare('SELECT title FROM events WHERE id = ?').pluck().get(next.id)).toBe('A支部委員会');
  });

  it('invites 10,000 members in one request (one statement for the rsvps)', async () => {
    const s = server();
    const put = s.db.prepare("INSERT INTO members (id, employee_number, name, unit_id, status, created_at, updated_at) VALUES (?, ?, ?, 'wA1', 'active', 0, 0)");
    s.db.transaction(() => {
      for (let i = 0; i < 10_000; i++) put.run(`bulk${i}`, `B${String(i).padStart(6, '0')}`, `組合員${i}`);
    })();
    const meeting = await createMeeting(s, await signIn(s, '000010'), committee(s, { kind: 'convention', audience: audience({ units: ['wA1'] }) }));
    expect(meeting.invited).toBe(10_002);
    expect(rsvpRow(s, meeting.id, 'bulk9999')).toMatchObject({ answer: 'undecided', withdrawn: 0 });
  });
});

describe('the check-in key (issue 19)', () => {
  it('signs the open meetings’ codes again when the server starts without its key (a data directory restored without it)', async () => {
    const first = await startTestServer({}, { keepData: true });
    await seedOrg(first);
    const meeting = await createMeeting(first, await signIn(first, '000010'), committee(first));
    const oldCode = rsvpRow(first, meeting.id, 'memA')!.checkin_code;
    const dataDir = first.config.dataDir;
    await first.close();
    fs.rmSync(path.join(dataDir, 'meetings-checkin.key'));

    const again = await startTestServer({}, { dataDir });
    try {
      const newCode = rsvpRow(again, meeting.id, 'memA')!.checkin_code;
      expect(newCode).not.toBe(oldCode);
      const offA = await signIn(again, '000010');
      const res = await again.app.inject({ method: 'POST', url: `/api/meetings/${meeting.id}/checkins`, headers: offA, payload: { checkins: [{ id: 'old-00001', at: 1, code: oldCode }, { id: 'new-00001', at: 1, code: newCode }] } });
      expect(res.json()).toEqual({ recorded: 1, duplicates: 0, refused: [{ id: 'old-00001', code: 'checkin_code_invalid' }] });
    } finally {
      await again.close();
    }
  });
});

describe('meeting materials (issue 19)', () => {
  it('serves an agenda item’s uploaded material to the invitees and to nobody else', async () => {
    const s = server();
    const offA = await signIn(s, '000010');
    const up = await s.app.inject({ method: 'POST', url: `/api/uploads?name=${encodeURIComponent('方針案.pdf')}`, headers: { ...offA, 'content-type': 'application/octet-stream' }, payload: japanesePdf('運動方針案') });
    expect(up.statusCode).toBe(201);
    const file = up.json<Attachment>();
    // Someone else's upload cannot be attached.
    const offB = await signIn(s, '000020');
    const stolen = await s.app.inject({ method: 'POST', url: '/api/meetings', headers: offB, payload: committee(s, { unitId: 'bB', audience: audience({ units: ['wB1'] }), chairId: 'offB', agenda: [{ id: 'x', title: '方針', materials: [{ file }] }] }) });
    expect(stolen.json()).toMatchObject({ error: { code: 'attachment_not_yours' } });
    await createMeeting(s, offA, committee(s, { agenda: [{ id: 'a1', title: '運動方針', materials: [{ file }] }] }));
    const get = async (no: string) => (await s.app.inject({ method: 'GET', url: `/api/files/${file.hash}`, headers: await signIn(s, no) })).statusCode;
    expect(await get('000100')).toBe(200); // memA, invited
    expect(await get('000200')).toBe(404); // memB, not invited
  });
});
