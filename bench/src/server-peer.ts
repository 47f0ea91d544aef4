/**
 * Child process: the peer, RxDB's own WebSocket replication server
 * (startWebsocketServer) over RxDB's memory storage, holding the same documents.
 */
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { memberDocSchema, type MemberDoc } from '@kumiai/shared';
import { createRxDatabase, type RxCollection } from 'rxdb/plugins/core';
import { startWebsocketServer } from 'rxdb/plugins/replication-websocket';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { processStatsHandlers, serveParent } from './common.ts';
import { members, noteSchema, type Layout, type NoteDoc } from './data.ts';

const layout: Layout = { docs: Number(process.env.BENCH_DOCS), revoke: Number(process.env.BENCH_REVOKE) };
const started = performance.now();
const db = await createRxDatabase({ name: `peer${process.pid}`, storage: getRxStorageMemory(), multiInstance: false });
const collections = await db.addCollections({ members: { schema: memberDocSchema as never }, notes: { schema: noteSchema as never } });
const memberCollection = collections.members as RxCollection<MemberDoc>;
const notes = collections.notes as RxCollection<NoteDoc>;
let chunk: MemberDoc[] = [];
for (const m of members(layout)) {
  chunk.push(m);
  if (chunk.length === 5000) {
    await memberCollection.bulkInsert(chunk);
    chunk = [];
  }
}
if (chunk.length) await memberCollection.bulkInsert(chunk);
const seedMs = performance.now() - started;
const server = startWebsocketServer({ database: db, host: '127.0.0.1', port: 0, perMessageDeflate: false });
if (!server.server.address()) await once(server.server, 'listening');
const port = (server.server.address() as AddressInfo).port;
const readyMs = performance.now() - started;

serveParent({
  ...processStatsHandlers(),
  ready: () => ({ port, seedMs, readyMs }),
  notes: async (m) => {
    const prefix = String(m.prefix);
    const found = await notes.find({ selector: { id: { $gte: prefix, $lt: `${prefix}\uffff` } } }).exec();
    return { count: found.length };
  },
  /** A change committed on the server: one member's phone. */
  write: async (m) => {
    const doc = await memberCollection.findOne(String(m.id)).exec();
    if (!doc) throw new Error(`no member ${String(m.id)}`);
    await doc.incrementalPatch({ phone: String(m.marker) });
    return {};
  },
  connections: () => ({ count: server.server.clients.size }),
});
process.send?.({ type: 'started' });
