import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { seedOrg } from '../../server/test/seed.ts';
import { startSyncServer, type SyncServer } from '../../server/test/sync/support.ts';
import type { SocketConstructor } from '../src/sync/connection.ts';
import { databaseNameFor, openMemberDatabase } from '../src/sync/database.ts';
import { startSyncEngine, type SyncEngine } from '../src/sync/engine.ts';
import { getSnapshot as syncStatus } from '../src/sync/status.ts';
import { isStorageLost } from '../src/sync/storage-loss.ts';
import { keepAndStop, storageLost, type StorageLostNotice } from '../src/sync/storage-lost.ts';
import { until } from './until.ts';
import { unitsAndMembers } from './collections.ts';
import { unitsCollection } from '../src/features/units/collections.ts';

/**
 * The browser takes the member's IndexedDB away under a running engine: the
 * real client engine on RxDB's Dexie storage (over fake-indexeddb in Node),
 * against the real server (real SQLite file, real socket).
 */
const WS = WebSocket as unknown as SocketConstructor;
let server: SyncServer | null = null;
const devices: Device[] = [];
const listeners: (() => void)[] = [];
afterEach(async () => {
  for (const unsubscribe of listeners.splice(0)) unsubscribe();
  for (const d of devices.splice(0)) await d.engine.stop();
  await server?.close();
  server = null;
  storageLost.dismiss();
});

interface Device {
  engine: SyncEngine;
  /** Engines started after a loss, in order. */
  generations: number;
  idb: IDBFactory;
  /** Pushes of members fail while true (as if the server could not be reached): writes stay waiting. */
  hold: boolean;
  /** Every notice the member was shown, in order. */
  told: StorageLostNotice[];
}

/** A phone as the app's SyncProvider runs it: when its database is lost it keeps the waiting writes, reopens and resyncs. */
async function phone(memberId: string, token: string, port: number, idb = new IDBFactory()): Promise<Device> {
  const holder = { generations: 0, idb, hold: false, told: [] } as unknown as Device;
  const unsubscribe = storageLost.subscribe(() => {
    const n = storageLost.getSnapshot();
    if (n) holder.told.push(n);
  });
  const start = (): Promise<SyncEngine> =>
    startSyncEngine({
      memberId,
      indexedDB: { indexedDB: holder.idb, IDBKeyRange },
      multiInstance: false,
      retryTimeMs: 100,
      collections: unitsAndMembers,
      beforePush: {
        members: async () => {
          if (holder.hold) throw new Error('the server cannot be reached');
        },
      },
      connection: { url: `ws://127.0.0.1:${port}/api/sync`, WebSocket: WS, token, requestTimeoutMs: 3000, backoff: { initialMs: 50, maxMs: 300 } },
      onStorageLost: (lost) =>
        void keepAndStop(lost)
          .then(start)
          .then((next) => {
            holder.engine = next;
            holder.generations += 1;
          }),
    });
  holder.engine = await start();
  devices.push(holder);
  listeners.push(unsubscribe);
  return holder;
}

/** What "clear site data" or an eviction leaves: every IndexedDB database of the origin deleted under the open connections. */
async function deleteAllDatabases(idb: IDBFactory): Promise<string[]> {
  const names = (await idb.databases()).map((d) => d.name ?? '');
  await Promise.all(
    names.map(
      (name) =>
        new Promise<void>((resolve, reject) => {
          const request = idb.deleteDatabase(name);
          request.onsuccess = () => resolve();
          request.onerror = () => reject(request.error ?? new Error(`could not delete ${name}`));
        }),
    ),
  );
  return names;
}

const phoneOf = async (d: Device, id: string) => (await d.engine.database.db.members.findOne(id).exec())?.phone;

describe('the local database taken away under a running engine', () => {
  it('says so, reopens the database, pulls again and sends the write that was waiting', async () => {
    server = await startSyncServer();
    await seedOrg(server);
    const device = await phone('memA-phone', server.services.tokens.create('memA', 30).token, server.port);
    await device.engine.replication.awaitInSync();
    expect((await device.engine.database.db.members.find().exec()).map((m) => m.id)).toEqual(['memA']);
    expect(syncStatus().pending).toBe(0);

    // A change made while the server cannot be reached: waiting.
    device.hold = true;
    await (await device.engine.database.db.members.findOne('memA').exec())!.incrementalPatch({ phone: '090-7777-0001' });
    await until(() => syncStatus().pending === 1);
    const first = device.engine;

    // The browser deletes the member's databases (here: all of them, as "clear site data" does).
    const deleted = await deleteAllDatabases(device.idb);
    expect(deleted.some((n) => n.startsWith(`rxdb-dexie-${databaseNameFor('memA-phone')}--0--members`))).toBe(true);

    // The member is told at once, with the waiting change kept; a new engine opens the same database again.
    await until(() => device.told.length > 0);
    expect(device.told[0]).toEqual({ phase: 'recovering', kept: 1, notKept: 0 });
    await until(() => device.generations === 1);
    expect(device.engine).not.toBe(first);
    expect(device.engine.database.name).toBe(first.database.name);
    expect(first.database.db.closed).toBe(true);

    // It pulls from scratch, writes the kept change again, and says it is back.
    await expect(device.engine.recovered).resolves.toEqual({ phase: 'recovered', kept: 1, notKept: 0 });
    expect(storageLost.getSnapshot()).toEqual({ phase: 'recovered', kept: 1, notKept: 0 });
    expect(await phoneOf(device, 'memA')).toBe('090-7777-0001');
    await until(() => device.engine.database.pending.count === 1);
    expect(server.db.prepare("SELECT phone FROM members WHERE id = 'memA'").pluck().get()).not.toBe('090-7777-0001');

    // The server is reachable again: the kept change arrives, and the new database syncs as before.
    device.hold = false;
    await until(() => device.engine.database.pending.count === 0);
    expect(server.db.prepare("SELECT phone FROM members WHERE id = 'memA'").pluck().get()).toBe('090-7777-0001');
    await until(() => syncStatus().phase === 'synced' && syncStatus().pending === 0);
    // A change made afterwards syncs too, and the recovery ran once.
    await (await device.engine.database.db.members.findOne('memA').exec())!.incrementalPatch({ phone: '090-7777-0002' });
    await until(() => server!.db.prepare("SELECT phone FROM members WHERE id = 'memA'").pluck().get() === '090-7777-0002');
    expect(device.generations).toBe(1);
    expect(device.told.map((n) => n.phase).filter((p, i, all) => p !== all[i - 1])).toEqual(['recovering', 'recovered']);
  });

  it('a stale connection (the storage process killed, no event): the next write notices it, and the kept data syncs', async () => {
    server = await startSyncServer();
    await seedOrg(server);
    // Every raw IndexedDB connection the app opens, to close them behind Dexie's back.
    const idb = new IDBFactory();
    const connections: IDBDatabase[] = [];
    const open = idb.open.bind(idb);
    idb.open = (...args: Parameters<IDBFactory['open']>) => {
      const request = open(...args);
      request.addEventListener('success', () => connections.push(request.result));
      return request;
    };
    const device = await phone('memA-tablet', server.services.tokens.create('memA', 30).token, server.port, idb);
    await device.engine.replication.awaitInSync();
    device.hold = true;
    await (await device.engine.database.db.members.findOne('memA').exec())!.incrementalPatch({ phone: '090-8888-0001' });
    await until(() => device.engine.database.pending.count === 1);
    expect(connections.length).toBeGreaterThan(0);

    // The connections die without telling anyone; the member's next write meets the dead connection.
    for (const c of connections) c.close();
    await (await device.engine.database.db.members.findOne('memA').exec())!.incrementalPatch({ email: 'a@example.org' }).catch(() => undefined);

    await until(() => device.generations === 1);
    expect(device.told[0]).toEqual({ phase: 'recovering', kept: 1, notKept: 0 });
    // The data stayed on the device this time: the change is still there, still waiting (back only once it is sent).
    expect(await phoneOf(device, 'memA')).toBe('090-8888-0001');
    device.hold = false;
    await expect(device.engine.recovered).resolves.toEqual({ phase: 'recovered', kept: 1, notKept: 0 });
    await until(() => device.engine.database.pending.count === 0);
    expect(server.db.prepare("SELECT phone FROM members WHERE id = 'memA'").pluck().get()).toBe('090-8888-0001');
  });

  it('stops reopening when the database is lost again and again, and says so', async () => {
    let stops = 0;
    const stub = { database: { memberId: 'loop', pending: { entries: [] } }, stop: async () => void (stops += 1) } as unknown as SyncEngine;
    const t = Date.now() + 10 * 60_000;
    const answers = [];
    for (const at of [t, t + 1_000, t + 2_000, t + 3_000]) answers.push(await keepAndStop(stub, at));
    expect(answers).toEqual([true, true, true, false]);
    expect(stops).toBe(4);
    expect(storageLost.getSnapshot()).toEqual({ phase: 'failed', kept: 0, notKept: 0 });
    // A loss long after the last ones is recovered again.
    expect(await keepAndStop(stub, t + 3_000 + 61_000)).toBe(true);
  });

  it('stopping or removing the database on purpose is no loss', async () => {
    const idb = new IDBFactory();
    const db = await openMemberDatabase({ memberId: 'quiet', indexedDB: { indexedDB: idb, IDBKeyRange }, multiInstance: false, collections: [unitsCollection] });
    const seen: unknown[] = [];
    db.lost$.subscribe((cause) => seen.push(cause));
    await db.close();
    const again = await openMemberDatabase({ memberId: 'quiet', indexedDB: { indexedDB: idb, IDBKeyRange }, multiInstance: false, collections: [unitsCollection] });
    again.lost$.subscribe((cause) => seen.push(cause));
    await again.remove();
    expect(seen).toEqual([]);
  });

  it('tells a lost database from other errors, also when RxDB wraps it', async () => {
    const closed = Object.assign(new Error('Database has been closed'), { name: 'DatabaseClosedError' });
    const aborted = Object.assign(new Error('Transaction aborted'), { name: 'AbortError' });
    const stale = Object.assign(new Error("Failed to execute 'transaction' on 'IDBDatabase': The database connection is closing."), { name: 'InvalidStateError' });
    expect(isStorageLost(closed)).toBe(true);
    expect(isStorageLost(stale)).toBe(true);
    expect(isStorageLost({ name: 'OpenFailedError', inner: aborted })).toBe(true);
    expect(isStorageLost({ code: 'RC_PUSH', parameters: { errors: [new Error('offline'), closed] } })).toBe(true);
    expect(isStorageLost({ code: 'RC_PULL', parameters: { errors: [new Error('the server cannot be reached')] } })).toBe(false);
    expect(isStorageLost({ status: 409, name: 'RxError', message: 'conflict' })).toBe(false);
    expect(isStorageLost(Object.assign(new Error('quota'), { name: 'QuotaExceededError' }))).toBe(false);
    // A full disk aborts the transaction, but the database is still there.
    expect(isStorageLost(Object.assign(new Error('Transaction aborted'), { name: 'AbortError', inner: Object.assign(new Error('full'), { name: 'QuotaExceededError' }) }))).toBe(false);
    expect(isStorageLost(null)).toBe(false);
  });
});
