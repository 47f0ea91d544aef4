import { afterEach, describe, expect, it } from 'vitest';
import { seedMember, seedOrg, signIn } from '../seed.ts';
import type { RawClient} from './support.ts';
import { audience, openAs, startSyncServer, type SyncServer, waitFor } from './support.ts';

let server: SyncServer;
const clients: RawClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await server.close();
});

async function setup() {
  server = await startSyncServer();
  await seedOrg(server);
  // A second member in workplace A1 and one directly in branch B.
  await seedMember(server.db, { id: 'memA2', employeeNumber: '000101', unitId: 'wA1' });
  await seedMember(server.db, { id: 'memB2', employeeNumber: '000201', unitId: 'bB' });
}

const clientFor = (memberId: string) => openAs(server, memberId, clients);


async function publish(as: string, body: Record<string, unknown>) {
  const headers = await signIn(server, as);
  const res = await server.app.inject({ method: 'POST', url: '/api/notices', headers, payload: { title: 'お知らせ', body: '本文', ...body } });
  return { res, headers, id: res.statusCode === 201 ? res.json<{ id: string }>().id : '' };
}

const noticeIds = async (client: RawClient) => [...(await client.pullAll('notices')).docs.values()].filter((d) => !d._deleted).map((d) => d.id);

describe('notices: audience, schedule, reads', () => {
  it('reaches exactly its audience on pull and on the stream, and a narrowed audience removes it from the excluded', async () => {
    await setup();
    const memA = await clientFor('memA');
    const memB = await clientFor('memB');
    const viewA = await clientFor('viewA');
    for (const c of [memA, memB, viewA]) c.subscribe('notices');
    const { id, headers } = await publish('000001', { audience: audience({ units: ['bA', 'wB1'] }) });
    // Stream: A1's member and branch B's workplace member get it live.
    await waitFor(() => memA.streamed.some((m) => JSON.stringify(m.result).includes(id)), 3000, 'stream to memA');
    await waitFor(() => memB.streamed.some((m) => JSON.stringify(m.result).includes(id)), 3000, 'stream to memB');
    expect(await noticeIds(memA)).toEqual([id]);
    expect(await noticeIds(viewA)).toEqual([id]); // viewA's own unit is bA
    const b2 = await clientFor('memB2');
    expect(await noticeIds(b2)).toEqual([]); // bB itself is not in the audience, only its workplace wB1

    const before = await memB.pullAll('notices');
    memB.streamed.length = 0;
    const narrowed = await server.app.inject({ method: 'PUT', url: `/api/notices/${id}`, headers, payload: { title: 'お知らせ(改)', body: '本文', audience: audience({ units: ['bA'] }) } });
    expect(narrowed.statusCode).toBe(200);
    // The excluded device is told live, with the content stripped...
    await waitFor(() => memB.streamed.some((m) => JSON.stringify(m.result).includes(`"id":"${id}"`)), 3000, 'removal streamed');
    const streamedDoc = (memB.streamed.flatMap((m) => (m.result as { documents: Record<string, unknown>[] }).documents)).find((d) => d.id === id)!;
    expect(streamedDoc).toMatchObject({ _deleted: true, title: '', body: '' });
    // ...and on a pull from its old checkpoint.
    const after = await memB.pullAll('notices', before.checkpoint);
    expect(after.docs.get(id)).toMatchObject({ _deleted: true, body: '' });
    // The kept audience gets the new version; history keeps the old.
    expect((await memA.pullAll('notices')).docs.get(id)).toMatchObject({ title: 'お知らせ(改)', version: 2 });
    const history = await server.app.inject({ method: 'GET', url: `/api/notices/${id}/history`, headers });
    expect(history.json<{ versions: { title: string }[] }>().versions.map((v) => v.title)).toEqual(['お知らせ', 'お知らせ(改)']);
  });

  it('a scheduled notice reaches no device before its time and every audience device after it', async () => {
    await setup();
    const memA = await clientFor('memA');
    const memA2 = await clientFor('memA2');
    memA.subscribe('notices');
    const publishAt = server.clock.now() + 3600_000;
    const { id } = await publish('000010', { audience: audience({ units: ['wA1'] }), publishAt });
    await new Promise((r) => setTimeout(r, 200));
    expect(memA.streamed).toEqual([]);
    expect(await noticeIds(memA)).toEqual([]);
    expect(await noticeIds(memA2)).toEqual([]);
    server.clock.advance(3600_000);
    await waitFor(() => memA.streamed.some((m) => JSON.stringify(m.result).includes(id)), 3000, 'published on time');
    expect(await noticeIds(memA2)).toEqual([id]);
  });

  it('a role granted later brings the notices for that role; revoked, it takes them away', async () => {
    await setup();
    const { id } = await publish('000001', { audience: audience({ roles: ['treasurer'] }) });
    const memA = await clientFor('memA');
    const start = await memA.pullAll('notices');
    expect([...start.docs.keys()]).toEqual([]);
    memA.subscribe('notices');
    const admin = await signIn(server, '000001');
    const grant = await server.app.inject({ method: 'POST', url: '/api/roles', headers: admin, payload: { memberId: 'memA', unitId: 'wA1', role: 'treasurer' } });
    await waitFor(() => memA.streamed.some((m) => m.result === 'RESYNC'), 3000, 'RESYNC after grant');
    const granted = await memA.pullAll('notices', start.checkpoint);
    expect(granted.docs.get(id)).toMatchObject({ id, title: 'お知らせ', _deleted: false });
    await server.app.inject({ method: 'DELETE', url: `/api/roles/${grant.json<{ id: string }>().id}`, headers: admin });
    await waitFor(() => memA.streamed.filter((m) => m.result === 'RESYNC').length >= 2, 3000, 'RESYNC after revoke');
    const revoked = await memA.pullAll('notices', granted.checkpoint);
    expect(revoked.docs.get(id)).toMatchObject({ _deleted: true, title: '' });
  });

  it('officers publish only within their scope', async () => {
    await setup();
    expect((await publish('000010', { audience: audience({ units: ['bB'] }) })).res.statusCode).toBe(403);
    expect((await publish('000010', { audience: audience({ all: true }) })).res.statusCode).toBe(403);
    expect((await publish('000010', { audience: audience({ members: ['memB'] }) })).res.statusCode).toBe(403);
    expect((await publish('000100', { audience: audience({ units: ['wA1'] }) })).res.statusCode).toBe(403);
    expect((await publish('000010', { audience: audience({ units: ['wA1'], members: ['memA'] }) })).res.statusCode).toBe(201);
    expect(server.db.prepare('SELECT count(*) FROM notices').pluck().get()).toBe(1);
  });

  it('records reads from devices (own only, visible notices only), never syncs others’ reads, and computes read rates', async () => {
    await setup();
    const { id, headers } = await publish('000001', { audience: audience({ all: true }) });
    const memA = await clientFor('memA');
    const read = (memberId: string, noticeId = id) => ({ newDocumentState: { id: `${noticeId}:${memberId}`, noticeId, memberId, readAt: server.clock.now() - 1000 } });
    const reply = await memA.request('reads', 'masterWrite', [[read('memA'), read('memB'), read('memA', 'no-such-notice')]]);
    expect(reply.rejected?.map((r) => r.code)).toEqual(['forbidden_field', 'not_found']);
    const memB = await clientFor('memB');
    await memB.request('reads', 'masterWrite', [[read('memB')]]);
    expect([...(await memA.pullAll('reads')).docs.keys()]).toEqual([`${id}:memA`]);
    expect([...(await memB.pullAll('reads')).docs.keys()]).toEqual([`${id}:memB`]);
    const officer = await clientFor('offA');
    expect([...(await officer.pullAll('reads')).docs.keys()]).toEqual([]);

    // Hand-computed: 8 active members (admin, offA, offB, viewA, memA, memB, memA2, memB2); 2 read.
    const rate = (await server.app.inject({ method: 'GET', url: `/api/notices/${id}/read-rate`, headers })).json<{ total: number; read: number; units: { unitId: string; total: number; read: number }[]; unread: { memberId: string }[] }>();
    expect({ total: rate.total, read: rate.read }).toEqual({ total: 8, read: 2 });
    expect(Object.fromEntries(rate.units.map((u) => [u.unitId, [u.total, u.read]]))).toEqual({ u: [1, 0], bA: [1, 0], wA1: [3, 1], bB: [1, 0], wB1: [2, 1] });
    expect(rate.unread.map((m) => m.memberId).sort()).toEqual(['admin', 'memA2', 'memB2', 'offA', 'offB', 'viewA']);
    // An officer of branch A sees the part of the audience within branch A only.
    const officerHeaders = await signIn(server, '000010');
    const partial = (await server.app.inject({ method: 'GET', url: `/api/notices/${id}/read-rate`, headers: officerHeaders })).json<{ total: number; read: number }>();
    expect(partial).toMatchObject({ total: 4, read: 1 });
    const member = await signIn(server, '000100');
    expect((await server.app.inject({ method: 'GET', url: `/api/notices/${id}/read-rate`, headers: member })).statusCode).toBe(404);
  });
});
