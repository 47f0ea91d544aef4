import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from './helpers.ts';
import { decryptPush, startPushEndpoint, type TestSubscriber } from './push-endpoint.ts';
import { seedMember, seedOrg, signIn } from './seed.ts';
import { startSyncServer, waitFor, type SyncServer } from './sync/support.ts';

let server: SyncServer;
let endpoint: Awaited<ReturnType<typeof startPushEndpoint>> | null = null;
afterEach(async () => {
  await server.close();
  await endpoint?.close();
  endpoint = null;
});

async function setup() {
  server = await startSyncServer({ KUMIAI_PUSH_HOSTS: TEST_PUSH_HOSTS });
  await seedOrg(server);
  await seedMember(server.db, { id: 'memA2', employeeNumber: '000101', unitId: 'wA1' });
  endpoint = await startPushEndpoint();
  // The test push service listens on 127.0.0.1 with a self-signed certificate.
  server.services.push.testTransport = { ca: endpoint.ca };
}

/** The local test push service and the made-up host the validation test uses. */
const TEST_PUSH_HOSTS = '127.0.0.1,push.example';

const audience = (units: string[]) => ({ all: false, units, roles: [], members: [] });

async function subscribe(employeeNumber: string, subscriber: Pick<TestSubscriber, 'endpoint' | 'keys'>) {
  const headers = await signIn(server, employeeNumber);
  return server.app.inject({ method: 'POST', url: '/api/push/subscriptions', headers, payload: { endpoint: subscriber.endpoint, expirationTime: null, keys: subscriber.keys } });
}

async function publish(body: Record<string, unknown>) {
  const res = await server.app.inject({ method: 'POST', url: '/api/notices', headers: await signIn(server, '000010'), payload: { title: '定期大会のお知らせ', body: '本文', ...body } });
  expect(res.statusCode).toBe(201);
  return res.json<{ id: string }>().id;
}

const messagesTo = (subscriber: TestSubscriber) => endpoint!.received.filter((r) => `${endpoint!.url}${r.path}` === subscriber.endpoint).map((r) => JSON.parse(decryptPush(r.body, subscriber)) as Record<string, unknown>);

describe('web push', () => {
  it('keeps one VAPID key pair from the first start', async () => {
    const dataDir = tempDir();
    server = await startSyncServer({}, { dataDir, keepData: true });
    await seedOrg(server);
    const key = async () => (await server.app.inject({ method: 'GET', url: '/api/push/key', headers: await signIn(server, '000100') })).json<{ publicKey: string }>().publicKey;
    const first = await key();
    expect(Buffer.from(first, 'base64url')).toHaveLength(65);
    await server.close();
    server = await startSyncServer({}, { dataDir });
    expect(await key()).toBe(first);
  });

  it('validates subscriptions, refuses kiosk sessions and deletes by endpoint', async () => {
    await setup();
    const good = { endpoint: 'https://push.example/send/abc', keys: endpoint!.subscriber('x').keys };
    expect((await subscribe('000100', { ...good, endpoint: 'http://push.example/send/abc' })).statusCode).toBe(400);
    expect((await subscribe('000100', { ...good, endpoint: 'https://user:pw@push.example/x' })).statusCode).toBe(400);
    expect((await subscribe('000100', { ...good, keys: { ...good.keys, p256dh: 'A'.repeat(87) } })).statusCode).toBe(400);
    expect((await subscribe('000100', good)).statusCode).toBe(204);
    expect(server.db.prepare('SELECT member_id FROM push_subscriptions').pluck().all()).toEqual(['memA']);
    const actor = server.services.actors.load('memA')!;
    expect(() => server.services.push.subscribe({ actor, sessionKind: 'kiosk' }, good)).toThrow(/Kiosk/);
    // Someone else cannot remove it; its member can.
    const del = async (employeeNumber: string) =>
      (await server.app.inject({ method: 'DELETE', url: '/api/push/subscriptions', headers: await signIn(server, employeeNumber), payload: { endpoint: good.endpoint } })).statusCode;
    expect(await del('000200')).toBe(204);
    expect(server.db.prepare('SELECT count(*) FROM push_subscriptions').pluck().get()).toBe(1);
    expect(await del('000100')).toBe(204);
    expect(server.db.prepare('SELECT count(*) FROM push_subscriptions').pluck().get()).toBe(0);
  });

  it('pushes a published notice, encrypted (RFC 8291), to the subscribed members of its audience, now and at its scheduled time', async () => {
    await setup();
    const a = endpoint!.subscriber('memA');
    const b = endpoint!.subscriber('memB');
    expect((await subscribe('000100', a)).statusCode).toBe(204);
    expect((await subscribe('000200', b)).statusCode).toBe(204);
    const id = await publish({ audience: audience(['wA1']) });
    await server.services.push.settled();
    expect(messagesTo(a)).toEqual([{ type: 'notice', noticeId: id, title: '定期大会のお知らせ', url: `/notices/${id}` }]);
    expect(messagesTo(b)).toEqual([]);
    const request = endpoint!.received[0]!;
    expect(request.headers).toMatchObject({ 'content-encoding': 'aes128gcm', ttl: '86400', urgency: 'normal' });
    expect(request.headers.authorization).toMatch(/^vapid t=.+, k=/);

    const later = await publish({ audience: audience(['wA1']), publishAt: server.clock.now() + 60_000 });
    await server.services.push.settled();
    expect(messagesTo(a)).toHaveLength(1);
    server.clock.advance(60_000);
    await waitFor(() => endpoint!.received.length === 2, 3000, 'pushed at its time');
    await server.services.push.settled();
    expect(messagesTo(a)[1]).toMatchObject({ type: 'notice', noticeId: later });
  });

  it('reminds the subscribed members who have not read, and only officers of the notice may', async () => {
    await setup();
    const a = endpoint!.subscriber('memA');
    const a2 = endpoint!.subscriber('memA2');
    await subscribe('000100', a);
    await subscribe('000101', a2);
    const id = await publish({ audience: audience(['wA1']) });
    await server.services.push.settled();
    server.db.prepare('INSERT INTO notice_reads (id, notice_id, member_id, read_at) VALUES (?, ?, ?, 0)').run(`${id}:memA`, id, 'memA');
    const remind = async (employeeNumber: string) => server.app.inject({ method: 'POST', url: `/api/notices/${id}/remind`, headers: await signIn(server, employeeNumber) });
    expect((await remind('000100')).statusCode).toBe(403);
    expect((await remind('000200')).statusCode).toBe(404);
    const res = await remind('000010');
    // memA read it; memA2 (subscribed) and offA, the author (not subscribed), had not.
    expect(res.json()).toEqual({ unread: 2, pushed: 1, withoutPush: 1, members: 1 });
    await server.services.push.settled();
    expect(messagesTo(a).map((m) => m.type)).toEqual(['notice']);
    expect(messagesTo(a2).map((m) => m.type)).toEqual(['notice', 'reminder']);
  });

  it('deletes a subscription the push service reports gone (410), and logs no endpoint', async () => {
    await setup();
    const a = endpoint!.subscriber('memA');
    const a2 = endpoint!.subscriber('memA2');
    await subscribe('000100', a);
    await subscribe('000101', a2);
    endpoint!.status.set('/push/memA', 410);
    endpoint!.status.set('/push/memA2', 500);
    await publish({ audience: audience(['wA1']) });
    await server.services.push.settled();
    expect(endpoint!.received).toHaveLength(2);
    expect(server.db.prepare('SELECT member_id FROM push_subscriptions').pluck().all()).toEqual(['memA2']);
    expect(server.logs()).toContain('push refused');
    expect(server.logs()).not.toContain('/push/memA');
  });
});
