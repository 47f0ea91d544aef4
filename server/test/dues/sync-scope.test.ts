import { afterEach, describe, expect, it } from 'vitest';
import { signIn } from '../seed.ts';
import { openAs, startSyncServer, waitFor, type RawClient, type SyncServer } from '../sync/support.ts';
import { csvOf, flatRule, seedDues, upload } from './support.ts';

let server: SyncServer;
const clients: RawClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await server.close();
});

const streamedIds = (c: RawClient) => c.streamed.flatMap((m) => ((m.result as { documents?: { id: string }[] } | undefined)?.documents ?? []).map((d) => d.id));

describe('dues sync scope', () => {
  it('gives a member only their own records and a branch treasurer only their branch’s, on pull and on the stream', async () => {
    server = await startSyncServer();
    const { admin } = await seedDues(server);
    await flatRule(server, admin, 2000);
    const everyone = ['000001', '000010', '000020', '000011', '000100', '000200', '000030'];
    const applied = await upload(server, admin, 'mode=apply&employer=本社&month=2026-04', csvOf('社員番号,組合費', everyone.map((no) => `${no},2000`)));
    expect(applied.statusCode).toBe(200);
    server.services.sync.processScopeChanges();

    const pulled = async (memberId: string) => {
      const client = await openAs(server, memberId, clients);
      const { docs } = await client.pullAll('dues');
      return { client, ids: [...docs.keys()].sort() };
    };
    const memA = await pulled('memA');
    expect(memA.ids).toEqual(['memA:2026-04:general']);
    const memB = await pulled('memB');
    expect(memB.ids).toEqual(['memB:2026-04:general']);
    // An officer is not a treasurer: their own record only.
    expect((await pulled('offA')).ids).toEqual(['offA:2026-04:general']);
    const treasA = await pulled('treasA');
    expect(treasA.ids).toEqual(['memA:2026-04:general', 'offA:2026-04:general', 'treasA:2026-04:general', 'viewA:2026-04:general']);
    expect((await pulled('admin')).ids).toHaveLength(7);

    memA.client.subscribe('dues');
    memB.client.subscribe('dues');
    treasA.client.subscribe('dues');
    const adminHeaders = await signIn(server, '000001');
    const pay = (memberId: string) =>
      server.app.inject({ method: 'POST', url: '/api/dues/payments', headers: adminHeaders, payload: { memberId, month: '2026-05', amount: 2000, method: 'transfer' } });
    expect((await pay('memB')).statusCode).toBe(200);
    expect((await pay('memA')).statusCode).toBe(200);
    await waitFor(() => streamedIds(memA.client).includes('memA:2026-05:general') && streamedIds(treasA.client).includes('memA:2026-05:general'), 3000, 'memA stream');
    await waitFor(() => streamedIds(memB.client).includes('memB:2026-05:general'), 3000, 'memB stream');
    // memB's payment was streamed before memA's: had it leaked, it would be here by now.
    expect(streamedIds(memA.client)).not.toContain('memB:2026-05:general');
    expect(streamedIds(treasA.client)).not.toContain('memB:2026-05:general');
    expect(streamedIds(memB.client)).not.toContain('memA:2026-05:general');
    const doc = memA.client.streamed.flatMap((m) => (m.result as { documents?: Record<string, unknown>[] }).documents ?? []).find((d) => d.id === 'memA:2026-05:general');
    expect(doc).toMatchObject({ memberId: 'memA', month: '2026-05', account: 'general', expected: 2000, deducted: 0, paid: 2000, source: 'transfer' });

    // Devices cannot write dues.
    const push = await memA.client.request('dues', 'masterWrite', [[{ newDocumentState: { ...doc, paid: 999999 } }]]);
    // A read-only collection answers the write with the server's state as a conflict, and keeps it.
    expect(push.result).toEqual([expect.objectContaining({ id: 'memA:2026-05:general', paid: 2000 })]);
    expect(server.db.prepare("SELECT paid FROM dues_records WHERE id = 'memA:2026-05:general'").pluck().get()).toBe(2000);
  });
});
