import fs from 'node:fs';
import path from 'node:path';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { tempDir } from '../../server/test/helpers.ts';
import { seedMember, seedOrg } from '../../server/test/seed.ts';
import { RawClient, startSyncServer, type SyncServer } from '../../server/test/sync/support.ts';
import { restoreBackup } from '../../server/src/ops/restore.ts';
import type { SocketConstructor } from '../src/sync/connection.ts';
import { startSyncEngine, type SyncEngine } from '../src/sync/engine.ts';
import { startOver } from '../src/sync/restored.ts';
import { until } from './until.ts';
import { unitsAndMembers } from './collections.ts';

/**
 * Devices across a restore of the server to an older backup: the real client
 * engine against the real server, stopped, restored with the real restore,
 * and started again on the same port.
 */
const WS = WebSocket as unknown as SocketConstructor;
let server: SyncServer | null = null;
const devices: Device[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const d of devices.splice(0)) await d.engine.stop();
  await server?.close();
  server = null;
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

interface Device {
  engine: SyncEngine;
  /** Engines started after a restore, in order. */
  generations: number;
}

/** A device as the app's SyncProvider runs it: on a restored server it starts over with a fresh engine. */
async function device(name: string, token: string, port: number): Promise<Device> {
  const storage = getRxStorageMemory();
  const holder = { generations: 0 } as Device;
  const start = (): Promise<SyncEngine> =>
    startSyncEngine({
      memberId: name,
      storage,
      multiInstance: false,
      feedStatus: false,
      retryTimeMs: 100,
      collections: unitsAndMembers,
      connection: { url: `ws://127.0.0.1:${port}/api/sync`, WebSocket: WS, token, requestTimeoutMs: 3000, backoff: { initialMs: 50, maxMs: 300 } },
      onServerRestored: (old, restored) =>
        void startOver(old, restored)
          .then(start)
          .then((next) => {
            holder.engine = next;
            holder.generations += 1;
          }),
    });
  holder.engine = await start();
  devices.push(holder);
  return holder;
}

const phoneOn = async (d: Device, id: string) => (await d.engine.database.db.members.findOne(id).exec())?.phone;
const localIds = async (d: Device) => (await d.engine.database.db.members.find().exec()).map((m) => m.id).sort();

describe('devices across a restore to an older backup', () => {
  it('both end with the restored state plus their own re-sent writes, nothing duplicated, nothing resurrected', async () => {
    const dataDir = tempDir();
    dirs.push(dataDir);
    server = await startSyncServer({}, { dataDir, keepData: true });
    const port = server.port;
    await seedOrg(server);
    const online = await device('memA-phone', server.services.tokens.create('memA', 30).token, port);
    const offline = await device('offA-laptop', server.services.tokens.create('offA', 30).token, port);
    await online.engine.replication.awaitInSync();
    await offline.engine.replication.awaitInSync();
    expect(await localIds(offline)).toEqual(['memA', 'offA', 'viewA']);

    // Gone from the laptop's scope before the backup (transferred to another branch): must not come back.
    server.services.members.update(null, 'viewA', { unitId: 'bB' });
    await until(async () => !(await localIds(offline)).includes('viewA'));

    // Acknowledged before the backup: in it.
    await (await online.engine.database.db.members.findOne('memA').exec())!.incrementalPatch({ phone: '090-0000-0001' });
    await until(() => online.engine.database.pending.count === 0);
    const record = await server.ops.backupNow();
    const backupFile = path.join(server.config.ops.backupDir, record.file);

    // After the backup: the online phone's change is acknowledged, and a member joins (both lost by the restore).
    await (await online.engine.database.db.members.findOne('memA').exec())!.incrementalPatch({ phone: '090-0000-0002' });
    await until(() => online.engine.database.pending.count === 0);
    await seedMember(server.db, { id: 'm9', employeeNumber: '000999', unitId: 'wA1' });
    await until(async () => (await localIds(offline)).includes('m9'));

    // The server fails; the laptop goes on working without it.
    await server.close();
    server = null;
    await (await offline.engine.database.db.members.findOne('offA').exec())!.incrementalPatch({ phone: '080-1111-2222' });
    await until(() => offline.engine.database.pending.count === 1);

    const restored = await restoreBackup(backupFile, dataDir);
    server = await startSyncServer({}, { dataDir, keepData: true, port });
    expect(server.db.prepare("SELECT phone FROM members WHERE id = 'memA'").pluck().get()).toBe('090-0000-0001');

    // Both devices meet the new epoch, start over, and re-send their own changes.
    await until(() => online.generations === 1 && offline.generations === 1);
    expect(await online.engine.resent).toEqual({ at: restored.manifest.createdAt, count: 1 });
    expect(await offline.engine.resent).toEqual({ at: restored.manifest.createdAt, count: 1 });
    await until(() => online.engine.database.pending.count === 0 && offline.engine.database.pending.count === 0);
    await online.engine.replication.awaitInSync();
    await offline.engine.replication.awaitInSync();

    const phones = Object.fromEntries(server.db.prepare("SELECT id, phone FROM members WHERE id IN ('memA', 'offA')").all().map((r) => [(r as { id: string }).id, (r as { phone: string }).phone]));
    expect(phones).toEqual({ memA: '090-0000-0002', offA: '080-1111-2222' });
    // The member who joined after the backup is gone from the server and from the laptop, and nobody pushed them back.
    expect(server.db.prepare("SELECT count(*) FROM members WHERE id = 'm9'").pluck().get()).toBe(0);
    expect(server.db.prepare('SELECT count(*) FROM members').pluck().get()).toBe(6);
    expect(await localIds(offline)).toEqual(['memA', 'offA']);
    expect(await localIds(online)).toEqual(['memA']);
    await until(async () => (await phoneOn(offline, 'memA')) === '090-0000-0002');
    expect(await phoneOn(online, 'memA')).toBe('090-0000-0002');
    expect(await phoneOn(offline, 'offA')).toBe('080-1111-2222');
    // Exactly one write per re-sent change reached the audit trail of each member record.
    expect(server.services.audit.verify()).toMatchObject({ ok: true });
  });

  it('answers a checkpoint of another epoch from scratch with the restore signal; one without an epoch keeps working', async () => {
    server = await startSyncServer();
    await seedOrg(server);
    const client = await RawClient.open(server.url, { token: server.services.tokens.create('offA', 1).token });
    try {
      const first = await client.request('members', 'masterChangesSince', [null, 50]);
      const checkpoint = (first.result as { checkpoint: { seq: number; epoch: string } }).checkpoint;
      expect(checkpoint.epoch).toMatch(/^[0-9a-f]{16}$/);
      const write = await client.request('members', 'masterWrite', [[]]);
      expect((write as unknown as { seq: number }).seq).toBe(checkpoint.seq);
      // An old client's checkpoint (no epoch): an ordinary incremental pull.
      const old = await client.request('members', 'masterChangesSince', [{ seq: checkpoint.seq }, 50]);
      expect(old).toMatchObject({ result: { documents: [], checkpoint } });
      expect((old as unknown as { restored?: unknown }).restored).toBeUndefined();
      // A checkpoint from before a restore (another epoch, ahead of the server): everything, from scratch, and the signal.
      const ahead = await client.request('members', 'masterChangesSince', [{ seq: checkpoint.seq + 1000, epoch: 'another-epoch' }, 50]);
      expect((ahead.result as { documents: { id: string }[] }).documents.map((d) => d.id).sort()).toEqual(['memA', 'offA', 'viewA']);
      expect((ahead as unknown as { restored: unknown }).restored).toEqual({ at: null, seq: 0, epoch: null });
      const bad = await client.request('members', 'masterChangesSince', [{ seq: 1, epoch: 7 }, 50]);
      expect(bad.error?.code).toBe('bad_params');
    } finally {
      client.close();
    }
  });
});
