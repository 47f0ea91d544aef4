import { afterEach, describe, expect, it } from 'vitest';
import { csvOf, flatRule, seedDues, upload } from '../../server/test/dues/support.ts';
import { startTestServer, type TestServer } from '../../server/test/helpers.ts';
import { duesCollection } from '../src/features/dues/collections.ts';
import type { SyncEngine } from '../src/sync/engine.ts';
import { unitsAndMembers } from './collections.ts';
import { Devices, listenForDevices } from './device.ts';
import { until } from './until.ts';

/** The app's `dues` registration through the client sync engine, against the real server (real SQLite file, real socket). */
let server: TestServer | null = null;
const devices = new Devices();

afterEach(async () => {
  await devices.stopAll();
  await server?.close();
  server = null;
});

const device = (memberId: string, url: string): Promise<SyncEngine> => devices.start(server!, memberId, url, [...unitsAndMembers, duesCollection]);

const ids = async (engine: SyncEngine) => (await engine.database.db.dues.find().exec()).map((d) => d.id).sort();

describe('dues on the device', () => {
  it('holds a member’s own months only and a branch treasurer’s branch; a payment recorded later arrives live', async () => {
    server = await startTestServer();
    const { admin, treasA } = await seedDues(server);
    await flatRule(server, admin, 2000);
    const everyone = ['000001', '000010', '000020', '000011', '000100', '000200', '000030'];
    expect((await upload(server, admin, 'mode=apply&employer=本社&month=2026-04', csvOf('社員番号,組合費', everyone.filter((n) => n !== '000100').map((n) => `${n},2000`)))).statusCode).toBe(200);
    const url = await listenForDevices(server);

    const member = await device('memA', url);
    await member.replication.awaitInSync();
    expect(await ids(member)).toEqual(['memA:2026-04:general']);
    expect((await member.database.db.dues.findOne('memA:2026-04:general').exec())?.toJSON()).toMatchObject({ expected: 2000, deducted: 0, paid: 0, source: 'none' });

    // The branch treasurer pays it in by hand (振込): the member's device gets the new state without asking.
    const paid = await server.app.inject({ method: 'POST', url: '/api/dues/payments', headers: treasA, payload: { memberId: 'memA', month: '2026-04', amount: 2000, method: 'transfer' } });
    expect(paid.statusCode).toBe(200);
    await until(async () => (await member.database.db.dues.findOne('memA:2026-04:general').exec())?.source === 'transfer');
    expect(await ids(member)).toEqual(['memA:2026-04:general']);
    await devices.stop(member);

    // RxDB's free edition opens at most 13 collections per process: one device at a time.
    const treasurer = await device('treasA', url);
    await treasurer.replication.awaitInSync();
    expect(await ids(treasurer)).toEqual(['memA:2026-04:general', 'offA:2026-04:general', 'treasA:2026-04:general', 'viewA:2026-04:general']);
  });
});
