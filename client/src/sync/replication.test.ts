import { MEMBER_SELF_EDITABLE, syncedCollections, type CollectionName } from '@kumiai/shared';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { SocketConstructor } from './connection.ts';
import { startSyncEngine, type SyncEngine } from './engine.ts';
import type { CollectionRegistration } from './registration.ts';
import type { BeforePushHooks } from './replication.ts';
import { startFakeServer, type FakeMessage, type FakeServer } from './test-server.ts';

type Doc = Record<string, unknown> & { id: string };
const WS = WebSocket as unknown as SocketConstructor;
const member = (id: string, extra: Partial<Doc> = {}): Doc => ({
  id,
  employeeNumber: `E-${id}`,
  name: `Name ${id}`,
  nameKana: 'ナマエ',
  unitId: 'u1',
  memberClass: 'regular',
  status: 'active',
  email: null,
  phone: null,
  preferredLanguage: null,
  updatedAt: 1,
  ...extra,
});

/** A master with sequence checkpoints and the member write rule, enough to drive the client. */
function serveMaster(server: FakeServer, me: string): Map<string, { doc: Doc; seq: number }> {
  const master = new Map<string, { doc: Doc; seq: number }>();
  let seq = 0;
  const put = (doc: Doc): void => void master.set(doc.id, { doc, seq: ++seq });
  put(member(me));
  put(member('other'));
  put({ id: 'gone', _deleted: true }); // lost access: content stripped
  server.handler = (msg: FakeMessage) => {
    const base = { id: msg.id, collection: msg.collection };
    if (msg.collection !== 'members') return { ...base, result: msg.method === 'masterWrite' ? [] : { documents: [], checkpoint: null } };
    if (msg.method === 'masterChangesSince') {
      const since = (msg.params[0] as { seq: number } | null)?.seq ?? 0;
      const rows = [...master.values()].filter((r) => r.seq > since).sort((a, b) => a.seq - b.seq);
      return { ...base, result: { documents: rows.map((r) => ({ ...r.doc, _deleted: r.doc._deleted === true })), checkpoint: rows.length ? { seq: rows.at(-1)!.seq } : msg.params[0] } };
    }
    if (msg.method === 'masterWrite') {
      const conflicts: Doc[] = [];
      const rejected: unknown[] = [];
      for (const row of msg.params[0] as { assumedMasterState?: Doc; newDocumentState: Doc }[]) {
        const current = master.get(row.newDocumentState.id)!.doc;
        const bad = Object.keys(row.newDocumentState).find(
          (k) => k !== '_deleted' && !(MEMBER_SELF_EDITABLE as readonly string[]).includes(k) && row.newDocumentState[k] !== current[k],
        );
        if (row.newDocumentState.id !== me || bad) {
          rejected.push({ id: row.newDocumentState.id, code: bad ? 'forbidden_field' : 'forbidden', message: 'refused', ...(bad ? { field: bad } : {}) });
          conflicts.push({ ...current, _deleted: false });
        } else if (JSON.stringify(row.assumedMasterState) !== JSON.stringify({ ...current, _deleted: false })) {
          conflicts.push({ ...current, _deleted: false });
        } else {
          put({ ...row.newDocumentState, _deleted: false });
        }
      }
      return { ...base, result: conflicts, rejected };
    }
    return undefined; // the stream subscription needs no answer here
  };
  return master;
}

let server: FakeServer | null = null;
const engines: SyncEngine[] = [];
afterEach(async () => {
  for (const e of engines.splice(0)) await e.stop();
  await server?.close();
  server = null;
});

/** Every synced collection, members with the fields a member may change (as the app's feature modules register them). */
// Every synced collection, each with the (here empty) migration steps its schema version needs (RxDB refuses a version without them).
const steps = (name: CollectionName) => Object.fromEntries(Array.from({ length: syncedCollections[name].version }, (_, i) => [i + 1, (doc: Record<string, unknown>) => doc]));
const collections: CollectionRegistration[] = (Object.keys(syncedCollections) as CollectionName[]).map((name) => ({
  name,
  migrationStrategies: steps(name),
  ...(name === 'members' ? { editableFields: MEMBER_SELF_EDITABLE } : {}),
}));

async function engineFor(memberId: string, url: string, storage = getRxStorageMemory(), beforePush?: BeforePushHooks): Promise<SyncEngine> {
  const engine = await startSyncEngine({
    memberId,
    storage,
    collections,
    ...(beforePush ? { beforePush } : {}),
    multiInstance: false,
    retryTimeMs: 100,
    feedStatus: false,
    connection: { url, WebSocket: WS, requestTimeoutMs: 500, backoff: { initialMs: 20, maxMs: 100 } },
  });
  engines.push(engine);
  return engine;
}

/** Waits for an eventual condition; the deadline is generous: a loaded 2-core machine is slow, and this is no timing target. */
async function until(predicate: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await predicate())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('replication over the shared connection', () => {
  it('pulls, stores stripped deleted docs, and counts an offline write as waiting until acknowledged', async () => {
    const port = await startFakeServer().then(async (s) => (await s.close(), s.port));
    const storage = getRxStorageMemory();
    const offline = await engineFor('me', `ws://127.0.0.1:${port}/api/sync`, storage);
    const { db, pending } = offline.database;
    // Offline: the app can write, and the write is waiting.
    await db.members.insert(member('me', { phone: '090' }) as never);
    await until(() => pending.count === 1);
    await offline.stop();
    engines.splice(0);

    // "Reload": a new engine on the same storage still counts it, then delivers it once online.
    server = await startFakeServer(port);
    const master = serveMaster(server, 'me');
    const engine = await engineFor('me', server.url, storage);
    expect(engine.database.pending.count).toBe(1);
    await until(() => engine.database.pending.count === 0);
    await until(async () => (await engine.database.db.members.count().exec()) === 2);
    expect(master.get('me')?.doc.phone).toBe('090');
    const gone = await engine.database.db.members.storageInstance.findDocumentsById(['gone'], true);
    expect(gone[0]?._deleted).toBe(true);
  });

  it('records a refused change, resets the document to the server state and does not count it as waiting', async () => {
    server = await startFakeServer();
    serveMaster(server, 'me');
    const engine = await engineFor('me2', server.url);
    const { db, pending, rejections } = engine.database;
    await until(async () => (await db.members.findOne('other').exec()) !== null);
    const other = await db.members.findOne('other').exec();
    await other!.incrementalPatch({ phone: '111' });
    await until(() => rejections.listRejections().length === 1);
    expect(rejections.listRejections()[0]).toMatchObject({ collection: 'members', id: 'other', code: 'forbidden', attempted: { phone: '111' } });
    await until(async () => (await db.members.findOne('other').exec())?.phone === null);
    await until(() => pending.count === 0);
    await rejections.dismissRejection(rejections.listRejections()[0]!.key);
    expect(rejections.listRejections()).toEqual([]);
  });

  it('runs a collection’s beforePush hook first, and retries the push while the hook throws (e.g. offline uploads)', async () => {
    server = await startFakeServer();
    const master = serveMaster(server, 'me');
    const seen: string[][] = [];
    let failures = 2;
    const engine = await engineFor('me3', server.url, getRxStorageMemory(), {
      members: async (docs) => {
        seen.push(docs.map((d) => String(d.id)));
        if (failures-- > 0) throw new Error('offline');
      },
    });
    const { db, pending } = engine.database;
    await until(async () => (await db.members.findOne('me').exec()) !== null);
    const writesBefore = server.received.filter((r) => r.method === 'masterWrite').length;
    await (await db.members.findOne('me').exec())!.incrementalPatch({ phone: '080' });
    await until(() => seen.length >= 3);
    // The third attempt's push is sent after its hook returns: wait for it to be acknowledged before counting.
    await until(() => pending.count === 0);
    // Nothing reached the server while the hook failed; the third attempt went through.
    const writes = server.received.filter((r) => r.method === 'masterWrite' && r.collection === 'members');
    expect(writes.length - writesBefore).toBe(1);
    expect(seen.every((ids) => ids.includes('me'))).toBe(true);
    expect(master.get('me')?.doc.phone).toBe('080');
  });
});
