import { describe, expect, it } from 'vitest';
import type { NoticeReminder, UnreadByUnit } from '@kumiai/shared';
import { Reader } from '../src/sync/reader.ts';
import { eachSeededServer, seedMember, signIn } from './seed.ts';

const server = eachSeededServer();
const toUnits = (units: string[]) => ({ all: false, units, roles: [], members: [] });

async function publish(units: string[]) {
  const s = server();
  await seedMember(s.db, { id: 'memA2', employeeNumber: '000101', unitId: 'wA1' });
  const res = await s.app.inject({ method: 'POST', url: '/api/notices', headers: await signIn(s, '000010'), payload: { title: '職場集会のお知らせ', body: '本文', audience: toUnits(units) } });
  expect(res.statusCode).toBe(201);
  return res.json<{ id: string }>().id;
}

/** A read receipt as the member's device writes it, through sync. */
function read(memberId: string, noticeId: string) {
  const s = server();
  const result = s.services.sync.push(new Reader(s.services.actors.load(memberId)!, s.services.sync.tree, s.services.sync.currentSeq()), 'reads', [{ newDocumentState: { id: `${noticeId}:${memberId}`, noticeId, memberId, readAt: s.clock.now() } }]);
  expect(result.rejected).toEqual([]);
}

const get = async <T>(employeeNumber: string, url: string) => {
  const res = await server().app.inject({ method: 'GET', url, headers: await signIn(server(), employeeNumber) });
  return { status: res.statusCode, body: res.json<T>() };
};

describe('reminders that say why', () => {
  it('answers who was unread and that nobody could get a push, and audits the breakdown', async () => {
    const id = await publish(['wA1']);
    read('memA', id);
    const res = await server().app.inject({ method: 'POST', url: `/api/notices/${id}/remind`, headers: await signIn(server(), '000010') });
    // offA (the author) and memA2 have not read it; nobody has notifications on.
    expect(res.json()).toEqual({ unread: 2, pushed: 0, withoutPush: 2, members: 0 });
    const detail = server().db.prepare("SELECT detail FROM audit_log WHERE action = 'notice.reminded'").pluck().get() as string;
    expect(JSON.parse(detail)).toEqual({ unread: 2, pushed: 0, withoutPush: 2, members: 0 });
  });

  it('shows the reminder in the app to the unread members of the audience, until they read it', async () => {
    const id = await publish(['wA1']);
    read('memA', id);
    const reminders = (who: string) => get<{ reminders: NoticeReminder[] }>(who, '/api/me/notice-reminders').then((r) => r.body.reminders);
    expect(await reminders('000101')).toEqual([]);
    server().clock.advance(3600_000);
    await server().app.inject({ method: 'POST', url: `/api/notices/${id}/remind`, headers: await signIn(server(), '000010') });
    expect(await reminders('000101')).toEqual([{ noticeId: id, title: '職場集会のお知らせ', remindedAt: server().clock.now() }]);
    expect(await reminders('000100')).toEqual([]); // read it already
    expect(await reminders('000200')).toEqual([]); // not in the audience
    read('memA2', id);
    expect(await reminders('000101')).toEqual([]);
  });

  it('lists the unread members by workplace for the officers who answer for the notice, and for nobody else', async () => {
    const id = await publish(['bA']);
    read('memA', id);
    const forOfficer = await get<UnreadByUnit>('000010', `/api/notices/${id}/unread-by-unit`);
    expect(forOfficer.status).toBe(200);
    expect(forOfficer.body).toEqual({
      notice: { id, title: '職場集会のお知らせ', publishAt: server().clock.now() },
      total: 4,
      unread: 3,
      units: [
        { unitId: 'bA', unitPath: ['テスト労働組合', 'A支部'], members: [{ memberId: 'viewA', employeeNumber: '000011', name: '名前000011' }] },
        {
          unitId: 'wA1',
          unitPath: ['テスト労働組合', 'A支部', 'A1職場'],
          members: [
            { memberId: 'offA', employeeNumber: '000010', name: '名前000010' },
            { memberId: 'memA2', employeeNumber: '000101', name: '名前000101' },
          ],
        },
      ],
    });
    expect((await get('000001', `/api/notices/${id}/unread-by-unit`)).status).toBe(200); // the union admin covers every audience
    expect((await get('000100', `/api/notices/${id}/unread-by-unit`)).status).toBe(403); // a reader of the notice
    expect((await get('000020', `/api/notices/${id}/unread-by-unit`)).status).toBe(404); // another branch's officer
    expect((await get('000200', `/api/notices/${id}/unread-by-unit`)).status).toBe(404);
  });
});
