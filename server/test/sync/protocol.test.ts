import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { seedOrg, signIn } from '../seed.ts';
import { openAs, RawClient, startSyncServer, type SyncServer, waitFor } from './support.ts';

let server: SyncServer;
const clients: RawClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await server.close();
});

async function setup(env: Record<string, string> = {}) {
  server = await startSyncServer(env);
  await seedOrg(server);
  server.services.sync.processScopeChanges();
}

const clientFor = (memberId: string) => openAs(server, memberId, clients);

const dump = () => JSON.stringify([server.db.prepare('SELECT * FROM members ORDER BY id').all(), server.db.prepare('SELECT * FROM sync_docs ORDER BY collection, id').all()]);

describe('sync protocol', () => {
  it('answers only auth before authentication, then pulls the member’s own record', async () => {
    await setup();
    const anon = await RawClient.open(server.url);
    clients.push(anon);
    // Held, not answered, until auth arrives; refused when auth fails.
    const held = anon.request('members', 'masterChangesSince', [null, 10]);
    await new Promise((r) => setTimeout(r, 100));
    expect(anon.replies).toEqual([]);
    const badAuth = await anon.request('members', 'auth', [{ Authorization: 'Bearer nope' }]);
    expect(badAuth.error?.code).toBe('unauthenticated');
    expect((await held).error?.code).toBe('unauthenticated');
    expect((await held).result).toBeUndefined();

    const member = await clientFor('memA');
    const { docs } = await member.pullAll('members');
    expect([...docs.keys()]).toEqual(['memA']);
    const doc = docs.get('memA')!;
    expect(doc).toMatchObject({ id: 'memA', employeeNumber: '000100', unitId: 'wA1', _deleted: false });
    expect(JSON.stringify(doc)).not.toMatch(/hash|pin|scrypt/i);
  });

  it('handles auth and the requests sent right behind it in arrival order', async () => {
    await setup();
    const { token } = server.services.tokens.create('offA', 1);
    const ws = new WebSocket(server.url);
    await new Promise((r) => ws.once('open', r));
    const replies: { id: string; error?: unknown }[] = [];
    ws.on('message', (d: Buffer) => replies.push(JSON.parse(d.toString()) as { id: string }));
    ws.send(JSON.stringify({ id: 'a', collection: 'members', method: 'auth', params: [{ Authorization: `Bearer ${token}` }] }));
    ws.send(JSON.stringify({ id: 'b', collection: 'members', method: 'masterChangesSince', params: [null, 100] }));
    ws.send(JSON.stringify({ id: 'c', collection: 'units', method: 'masterChangesSince', params: [null, 100] }));
    await waitFor(() => replies.length === 3);
    expect(replies.map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(replies.every((r) => !r.error)).toBe(true);
    ws.close();
  });

  it('gives every malformed or forged input its code, changes nothing, and leaves other clients syncing', async () => {
    await setup({ KUMIAI_SYNC_MAX_MESSAGE_BYTES: '65536' });
    const bystander = await clientFor('offA');
    const bad = await clientFor('memA');
    const before = dump();
    const own = (await bad.pullAll('members')).docs.get('memA')!;
    expect((await bad.sendRaw('not json')).error?.code).toBe('bad_message');
    expect((await bad.sendRaw('x'.repeat(70_000))).error?.code).toBe('payload_too_large');
    // A binary frame, even of valid JSON, is refused: the protocol is JSON text.
    expect((await bad.sendRaw(Buffer.from('{}'))).error?.code).toBe('bad_message');
    expect((await bad.send({ id: 'm', collection: 'members', method: 'dropTables', params: [] })).error?.code).toBe('unknown_method');
    expect((await bad.request('secrets', 'masterChangesSince', [null, 10])).error?.code).toBe('unknown_collection');
    expect((await bad.request('members', 'masterChangesSince', ['yesterday', 10])).error?.code).toBe('bad_params');
    expect((await bad.request('members', 'masterChangesSince', [null, 100_000])).error?.code).toBe('batch_too_large');
    expect((await bad.send({ id: 'p', collection: 'members', method: 'masterWrite', params: 'rows' })).error?.code).toBe('bad_params');
    expect((await bad.request('members', 'masterWrite', [[{ nope: 1 }]])).error?.code).toBe('bad_params');
    const write = async (change: Record<string, unknown>) => (await bad.request('members', 'masterWrite', [[{ assumedMasterState: own, newDocumentState: { ...own, ...change } }]])).rejected?.[0];
    expect(await write({ phone: 12345 })).toMatchObject({ code: 'schema_invalid' });
    expect(await write({ status: 'left' })).toMatchObject({ code: 'forbidden_field', field: 'status' });
    expect(await write({ unitId: 'wB1' })).toMatchObject({ code: 'forbidden_field', field: 'unitId' });
    expect(await write({ name: '偽名' })).toMatchObject({ code: 'forbidden_field', field: 'name' });
    expect(await write({ isAdmin: true })).toMatchObject({ code: 'schema_invalid' });
    // Another member's record: refused without revealing whether it exists.
    const other = { ...own, id: 'memB', phone: '000' };
    expect((await bad.request('members', 'masterWrite', [[{ assumedMasterState: other, newDocumentState: other }]])).rejected?.[0]).toMatchObject({ code: 'forbidden' });
    expect((await bad.request('units', 'masterWrite', [[{ newDocumentState: { id: 'x', parentId: null, name: 'x', kind: 'union', archived: false } }]])).rejected?.[0]).toMatchObject({ code: 'read_only' });
    expect(dump()).toBe(before);
    // The bystander's sync carries on.
    const { docs } = await bystander.pullAll('members');
    expect(docs.size).toBe(3);
  });

  it('a device that lost its record of what it pulled (a reload mid-pull) sends it back: nothing refused, nothing written', async () => {
    await setup();
    const member = await clientFor('memA');
    const units = (await member.pullAll('units')).docs;
    const own = (await member.pullAll('members')).docs.get('memA')!;
    const seq = server.services.sync.currentSeq();
    const before = dump();
    // RxDB offers such documents as new writes: no assumed master state.
    const sentBack = await member.request('units', 'masterWrite', [[...units.values()].map((doc) => ({ newDocumentState: doc }))]);
    expect(sentBack.result).toEqual([]);
    expect(sentBack.rejected).toBeUndefined();
    const ownBack = await member.request('members', 'masterWrite', [[{ newDocumentState: own }]]);
    expect(ownBack.result).toEqual([]);
    expect(ownBack.rejected).toBeUndefined();
    // A removal the server already made (the member lost sight of it), of a record that exists or of one that never did: one answer.
    const removals = await member.request('members', 'masterWrite', [[{ newDocumentState: { ...own, id: 'memB', _deleted: true } }, { newDocumentState: { ...own, id: 'nobody', _deleted: true } }]]);
    expect(removals.result).toEqual([]);
    expect(removals.rejected).toBeUndefined();
    // A changed copy without an assumed state is a conflict: the device gets the master back.
    const [unit] = [...units.values()];
    const stale = await member.request('units', 'masterWrite', [[{ newDocumentState: { ...unit, name: '改名' } }]]);
    expect(stale.result).toEqual([unit]);
    expect(server.services.sync.currentSeq()).toBe(seq);
    expect(dump()).toBe(before);
  });

  it('stores the valid rows of a batch, reports the invalid one, and does not duplicate a retried write', async () => {
    await setup();
    const client = await clientFor('memA');
    const own = (await client.pullAll('members')).docs.get('memA')!;
    const good = { ...own, phone: '+81 90-1234-5678', email: 'hanako@example.jp' };
    const reply = await client.request('members', 'masterWrite', [
      [
        { assumedMasterState: own, newDocumentState: { ...own, id: 'memB', phone: '1' } },
        { assumedMasterState: own, newDocumentState: good },
      ],
    ]);
    expect(reply.result).toEqual([]);
    expect(reply.rejected).toEqual([{ id: 'memB', code: 'forbidden', message: 'Not allowed' }]);
    expect(server.db.prepare("SELECT phone, email FROM members WHERE id = 'memA'").get()).toEqual({ phone: '+81 90-1234-5678', email: 'hanako@example.jp' });
    const seqAfter = server.services.sync.currentSeq();
    // The acknowledgement was lost; the client sends the same row again.
    const retry = await client.request('members', 'masterWrite', [[{ assumedMasterState: own, newDocumentState: good }]]);
    expect(retry.result).toEqual([]);
    expect(retry.rejected).toBeUndefined();
    expect(server.services.sync.currentSeq()).toBe(seqAfter);
    // A write from a stale master is a conflict: the current master comes back.
    const stale = await client.request('members', 'masterWrite', [[{ assumedMasterState: own, newDocumentState: { ...own, phone: '999' } }]]);
    expect(stale.result).toMatchObject([{ id: 'memA', phone: '+81 90-1234-5678' }]);
  });

  it('a document twice in one batch: the second row sees the first one’s write (a stale repeat is a conflict, a follow-up applies)', async () => {
    await setup();
    const client = await clientFor('memA');
    const own = (await client.pullAll('members')).docs.get('memA')!;
    const first = { ...own, phone: '111' };
    const second = { ...first, phone: '222' };
    const reply = await client.request('members', 'masterWrite', [
      [
        { assumedMasterState: own, newDocumentState: first },
        { assumedMasterState: first, newDocumentState: second },
        { assumedMasterState: own, newDocumentState: { ...own, phone: '333' } },
      ],
    ]);
    expect(reply.rejected).toBeUndefined();
    expect(reply.result).toMatchObject([{ id: 'memA', phone: '222' }]);
    expect(server.db.prepare("SELECT phone FROM members WHERE id = 'memA'").pluck().get()).toBe('222');
  });

  it('refuses a foreign Origin when the socket opens', async () => {
    await setup();
    await expect(RawClient.open(server.url, { headers: { origin: 'https://evil.example' } })).rejects.toThrow(/HTTP 403/);
    const admin = await signIn(server, '000001');
    const browser = await RawClient.open(server.url, { headers: { origin: server.config.publicUrl, cookie: admin.cookie } });
    clients.push(browser);
    const { docs } = await browser.pullAll('members');
    expect(docs.size).toBe(6);
  });

  it('closes a revoked session’s socket within a second, and a left member’s with account-closed', async () => {
    await setup();
    const member = await signIn(server, '000100');
    const socket = await RawClient.open(server.url, { headers: { origin: server.config.publicUrl, cookie: member.cookie } });
    clients.push(socket);
    const started = Date.now();
    await server.app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: member, payload: { everywhere: true } });
    expect(await socket.closed).toBe(4401);
    expect(Date.now() - started).toBeLessThan(1000);

    const token = await clientFor('memB');
    const admin = await signIn(server, '000001');
    await server.app.inject({ method: 'PATCH', url: '/api/members/memB', headers: admin, payload: { status: 'left' } });
    expect(await token.closed).toBe(4403);
  });

  it('limits the message rate per connection without disturbing others', async () => {
    await setup({ KUMIAI_SYNC_RATE_PER_SECOND: '5' });
    const client = await clientFor('memA');
    const replies = await Promise.all(Array.from({ length: 30 }, () => client.request('members', 'masterChangesSince', [null, 10])));
    void replies;
    expect(client.replies.some((r) => r.error?.code === 'rate_limited')).toBe(true);
  });
});

describe('sync sessions', () => {
  it('closes a socket opened with an ended session cookie with 4401 at once', async () => {
    server = await startSyncServer();
    await seedOrg(server);
    const member = await signIn(server, '000100');
    await server.app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: member, payload: {} });
    const socket = await RawClient.open(server.url, { headers: { origin: server.config.publicUrl, cookie: member.cookie } });
    expect(await socket.closed).toBe(4401);
  });
});
