import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startTestServer, type TestServer } from '../../server/test/helpers.ts';
import { seedOrg } from '../../server/test/seed.ts';
import type { SocketConstructor } from '../src/sync/connection.ts';
import { openMemberDatabase } from '../src/sync/database.ts';
import { startSyncEngine, type SyncEngine } from '../src/sync/engine.ts';
import { removeMemberData } from '../src/sync/session-data.ts';
import { until } from './until.ts';
import { everyCollection, unitsAndMembers } from './collections.ts';

/** The client sync engine against the real server (real SQLite file, real socket on 127.0.0.1). */
const WS = WebSocket as unknown as SocketConstructor;
let server: TestServer | null = null;
const engines: SyncEngine[] = [];

afterEach(async () => {
  for (const e of engines.splice(0)) await e.stop();
  await server?.close();
  server = null;
});

async function client(memberId: string, url: string): Promise<SyncEngine> {
  const { token } = server!.services.tokens.create(memberId, 1);
  const engine = await startSyncEngine({
    memberId: `${memberId}-${engines.length}`,
    storage: getRxStorageMemory(),
    multiInstance: false,
    feedStatus: false,
    retryTimeMs: 200,
    // Two devices at once in one process: RxDB's free edition opens at most 13 collections per process.
    collections: unitsAndMembers,
    connection: { url, WebSocket: WS, token, requestTimeoutMs: 3000, backoff: { initialMs: 50, maxMs: 500 } },
  });
  engines.push(engine);
  return engine;
}

describe('client sync engine against the real server', () => {
  it('pulls what the member may see, pushes an allowed edit, records a refused one', async () => {
    server = await startTestServer();
    await seedOrg(server);
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    const address = server.app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const url = `ws://127.0.0.1:${port}/api/sync`;

    const mem = await client('memA', url);
    // A second device of the same member: both must converge.
    const off = await client('memA', url);
    await mem.replication.awaitInSync();
    await off.replication.awaitInSync();
    const myMembers = (await mem.database.db.members.find().exec()).map((d) => d.id).sort();
    expect(myMembers).toEqual(['memA']);
    // The units from the root down to the member's own workplace, no siblings.
    expect((await mem.database.db.units.find().exec()).map((d) => d.id).sort()).toEqual(['bA', 'u', 'wA1']);

    // An allowed edit: counted as waiting, then acknowledged and seen by the other device.
    const me = (await mem.database.db.members.findOne('memA').exec())!;
    await me.incrementalPatch({ phone: '090-1234-5678' });
    await until(() => mem.database.pending.count === 0, 5000);
    await until(async () => (await off.database.db.members.findOne('memA').exec())?.phone === '090-1234-5678', 5000);

    // A refused edit: recorded with its reason, the document back to the server's state.
    const mine = (await mem.database.db.members.findOne('memA').exec())!;
    await mine.incrementalPatch({ name: 'Forged' });
    await until(() => mem.database.rejections.listRejections().length === 1, 5000);
    expect(mem.database.rejections.listRejections()[0]).toMatchObject({ id: 'memA', code: 'forbidden_field', field: 'name' });
    await until(async () => (await mem.database.db.members.findOne('memA').exec())?.name !== 'Forged', 5000);
    await until(() => mem.database.pending.count === 0, 5000);

    // An officer's device receives the records of their branch, and nothing of branch B.
    // (RxDB's free edition opens at most 13 collections per process: the second device closes first.)
    await off.stop();
    engines.splice(engines.indexOf(off), 1);
    const officer = await client('offA', url);
    await officer.replication.awaitInSync();
    expect((await officer.database.db.members.find().exec()).map((d) => d.id).sort()).toEqual(['memA', 'offA', 'viewA']);
  });
});

describe('a member who leaves the union', () => {
  it('keeps nothing on the device: the socket closes as account-closed and the local database is removed', async () => {
    server = await startTestServer();
    await seedOrg(server);
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    const address = server.app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const storage = getRxStorageMemory();
    const { token } = server.services.tokens.create('memB', 1);
    let removed = false;
    const engine = await startSyncEngine({
      memberId: 'memB-leaver',
      storage,
      collections: everyCollection,
      multiInstance: false,
      feedStatus: false,
      retryTimeMs: 200,
      connection: { url: `ws://127.0.0.1:${port}/api/sync`, WebSocket: WS, token, requestTimeoutMs: 3000, backoff: { initialMs: 50, maxMs: 500 } },
      // What the app's SyncProvider does on account-closed.
      onAccountClosed: (closed) => void closed.stop().then(() => removeMemberData('memB-leaver', storage)).then(() => (removed = true)),
    });
    engines.push(engine);
    await engine.replication.awaitInSync();
    expect((await engine.database.db.members.find().exec()).map((d) => d.id)).toEqual(['memB']);

    server.services.members.update(null, 'memB', { status: 'left' });
    await until(() => removed, 5000);
    const reopened = await openMemberDatabase({ memberId: 'memB-leaver', storage, multiInstance: false, collections: everyCollection });
    expect(await reopened.db.members.count().exec()).toBe(0);
    expect(await reopened.db.units.count().exec()).toBe(0);
    await reopened.close();
  });
});
