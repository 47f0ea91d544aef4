import { memberDocSchema, type MemberDoc } from '@kumiai/shared';
import { createRxDatabase, type RxCollection, type RxDatabase } from 'rxdb/plugins/core';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { replicateWithWebsocketServer } from 'rxdb/plugins/replication-websocket';
import type { RxReplicationState } from 'rxdb/plugins/replication';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers.ts';
import { seedOrg } from '../seed.ts';
import { startSyncServer, waitFor, type SyncServer } from './support.ts';

let server: SyncServer | undefined;
const open: { db: RxDatabase; replication: RxReplicationState<unknown, unknown> }[] = [];
afterEach(async () => {
  for (const c of open.splice(0)) {
    await c.replication.cancel();
    await c.db.close();
  }
  await server?.close();
  server = undefined;
});

let dbCounter = 0;
/** RxDB's own stock WebSocket client, unmodified, with a bearer token. */
async function stockClient(url: string, token: string) {
  const db = await createRxDatabase({ name: `kumiai-test-${process.pid}-${dbCounter++}`, storage: getRxStorageMemory() });
  const collections = await db.addCollections({ members: { schema: memberDocSchema as never } });
  const members = collections.members as RxCollection<MemberDoc>;
  const replication = await replicateWithWebsocketServer({
    collection: members,
    replicationIdentifier: `kumiai-${url}`,
    url,
    live: true,
    batchSize: 50,
    headers: { Authorization: `Bearer ${token}` },
  });
  open.push({ db, replication: replication as RxReplicationState<unknown, unknown> });
  return { db, members, replication };
}

const ids = async (c: RxCollection<MemberDoc>) => (await c.find().exec()).map((d) => d.primary).sort();

describe('RxDB clients against the server', () => {
  it('RxDB’s stock client replicates the members collection with a bearer token', async () => {
    server = await startSyncServer();
    await seedOrg(server);
    const { token } = server.services.tokens.create('offA', 1);
    const client = await stockClient(server.url, token);
    await client.replication.awaitInSync();
    expect(await ids(client.members)).toEqual(['memA', 'offA', 'viewA']);
  });

  it('two clients converge; concurrent edits of one record end in the same state on both', async () => {
    server = await startSyncServer();
    await seedOrg(server);
    const a = await stockClient(server.url, server.services.tokens.create('memA', 1).token);
    const b = await stockClient(server.url, server.services.tokens.create('memA', 1).token);
    await Promise.all([a.replication.awaitInSync(), b.replication.awaitInSync()]);
    const docA = await a.members.findOne('memA').exec();
    const docB = await b.members.findOne('memA').exec();
    await Promise.all([docA!.incrementalPatch({ phone: '111' }), docB!.incrementalPatch({ phone: '222', email: 'b@example.jp' })]);
    await waitFor(async () => {
      await Promise.all([a.replication.awaitInSync(), b.replication.awaitInSync()]);
      const [x, y] = await Promise.all([a.members.findOne('memA').exec(), b.members.findOne('memA').exec()]);
      const server_ = server!.db.prepare("SELECT phone, email FROM members WHERE id = 'memA'").get() as { phone: string; email: string | null };
      return x!.phone === y!.phone && x!.email === y!.email && x!.phone === server_.phone && (x!.email ?? null) === server_.email;
    }, 8000, 'convergence');
    const final = server.db.prepare("SELECT phone FROM members WHERE id = 'memA'").pluck().get();
    expect(['111', '222']).toContain(final);
  });

  it('writes made while the server is down arrive exactly once after it restarts on the same data', async () => {
    const dataDir = tempDir();
    server = await startSyncServer({}, { dataDir, keepData: true });
    await seedOrg(server);
    const token = server.services.tokens.create('memA', 1).token;
    const port = server.port;
    const client = await stockClient(server.url, token);
    await client.replication.awaitInSync();
    await server.close();
    server = undefined;
    const doc = await client.members.findOne('memA').exec();
    await doc!.incrementalPatch({ phone: '+81 3-0000-0001' });
    await doc!.incrementalPatch({ email: 'offline@example.jp' });
    server = await startSyncServer({}, { dataDir, port });
    if (process.env.DEBUG_SYNC) {
      const accept = server.hub.accept.bind(server.hub);
      server.hub.accept = (socket, auth, address) => {
        console.log('accept', Boolean(auth));
        socket.on('message', (d: Buffer) => console.log('recv', d.toString().slice(0, 160)));
        const send = socket.send.bind(socket);
        socket.send = ((data: string) => { console.log('send', String(data).slice(0, 160)); send(data); }) as typeof socket.send;
        accept(socket, auth, address);
      };
    }
    const before = server.services.sync.currentSeq();
    await waitFor(() => server!.db.prepare("SELECT email FROM members WHERE id = 'memA'").pluck().get() === 'offline@example.jp', 15_000, 'offline writes', );
    await client.replication.awaitInSync();
    expect(server.db.prepare("SELECT phone, email FROM members WHERE id = 'memA'").get()).toEqual({ phone: '+81 3-0000-0001', email: 'offline@example.jp' });
    // One change of the record, not one per retry.
    expect(server.services.sync.currentSeq() - before).toBeLessThanOrEqual(2);
  }, 40_000);
});
