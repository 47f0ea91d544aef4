import { afterEach, describe, expect, it } from 'vitest';
import { openAs, startSyncServer, type RawClient, type SyncServer } from '../sync/support.ts';
import { assign, caseDoc, live, messageDoc, pushNew, pushOk, seedDesks, signIn, upload } from './support.ts';

let server: SyncServer;
const clients: RawClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await server.close();
});

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const snapshot = () => JSON.stringify(server.db.prepare('SELECT id, kind, status, assignees, audience, member_id, text, erased, updated_at FROM consultations ORDER BY id').all());

describe('consultation writes from devices (issue 21)', () => {
  it('refuses another member’s case, unknown categories, forged status, assignment, authorship and oversize text with codes, and changes nothing', async () => {
    server = await startSyncServer();
    await seedDesks(server);
    const memA = await openAs(server, 'memA', clients);
    const memB = await openAs(server, 'memB', clients);
    const c1 = caseDoc();
    await pushOk(memA, c1);
    const offW = await signIn(server, '000012');
    expect((await assign(server, offW, c1.id, ['offW'])).statusCode).toBe(200);
    const master = (await live(memA)).docs.get(c1.id)!;
    const before = snapshot();

    const refused = async (client: RawClient, doc: Record<string, unknown>, code: string, field?: string, assumed?: Record<string, unknown>) => {
      const reply = await client.request('consultations', 'masterWrite', [[{ ...(assumed ? { assumedMasterState: assumed } : {}), newDocumentState: doc }]]);
      expect(reply.rejected, JSON.stringify(doc).slice(0, 80)).toEqual([expect.objectContaining({ code, ...(field ? { field } : {}) })]);
    };
    // Another member's case: writing into it, or over it.
    await refused(memB, messageDoc(c1.id, '横から'), 'not_found');
    await refused(memB, caseDoc({ id: c1.id, text: '乗っ取り' }), 'forbidden');
    await refused(memA, caseDoc({ memberId: 'memB' }), 'forbidden_field', 'memberId');
    // Unknown category, blank or oversize text.
    await refused(memA, caseDoc({ category: 'gossip' }), 'schema_invalid');
    await refused(memA, caseDoc({ text: '   ' }), 'schema_invalid', 'text');
    await refused(memA, caseDoc({ text: 'あ'.repeat(8001) }), 'schema_invalid');
    // Server-set fields on a new case; status, assignment or text changed on an existing one.
    await refused(memA, caseDoc({ status: 'resolved' }), 'forbidden_field', 'status');
    await refused(memA, caseDoc({ assignees: [{ memberId: 'memA', name: 'x' }] }), 'forbidden_field', 'assignees');
    await refused(memA, caseDoc({ deskUnitId: 'u' }), 'forbidden_field', 'deskUnitId');
    await refused(memA, { ...master, status: 'closed' }, 'forbidden_field', 'status', master);
    await refused(memA, { ...master, assignees: [] }, 'forbidden_field', 'assignees', master);
    await refused(memA, { ...master, text: '書き換え' }, 'forbidden_field', 'text', master);
    await refused(memA, { ...master, _deleted: true }, 'forbidden', undefined, master);
    // A member's internal note, a message in another's name, a case field in a message, a file that is not theirs.
    await refused(memA, { ...messageDoc(c1.id, 'メモ'), kind: 'note' }, 'forbidden');
    await refused(memA, messageDoc(c1.id, '成りすまし', { authorId: 'offW' }), 'forbidden_field', 'authorId');
    await refused(memA, messageDoc(c1.id, '種類', { category: 'pay' }), 'forbidden_field', 'category');
    const memBHeaders = await signIn(server, '000200');
    const theirs = await upload(server, memBHeaders, 'b.png', PNG);
    await refused(memA, caseDoc({ attachments: [theirs] }), 'forbidden_field', 'attachments');
    const mine = await upload(server, await signIn(server, '000100'), 'a.png', PNG);
    await refused(memA, caseDoc({ attachments: [{ ...mine, size: 1 }] }), 'forbidden_field', 'attachments');
    expect(snapshot()).toBe(before);

    // A closed case takes no more messages.
    const officer = await openAs(server, 'offW', clients);
    await pushOk(officer, messageDoc(c1.id, '確認しました'));
    expect((await server.app.inject({ method: 'POST', url: `/api/consultations/${c1.id}/status`, headers: offW, payload: { status: 'closed' } })).statusCode).toBe(200);
    await refused(memA, messageDoc(c1.id, 'もう一つ'), 'closed');
    // Only an assigned officer sets a status; the member cannot, nor can the branch officer above.
    for (const who of ['000100', '000010']) {
      const res = await server.app.inject({ method: 'POST', url: `/api/consultations/${c1.id}/status`, headers: await signIn(server, who), payload: { status: 'in_progress' } });
      expect(res.statusCode, who).toBe(404);
    }
    expect(server.db.prepare('SELECT status FROM consultations WHERE id = ?').pluck().get(c1.id)).toBe('closed');
    // A file attached to a case is fetched by its member and its officer only.
    const withFile = caseDoc({ attachments: [mine] });
    await pushOk(memA, withFile);
    const url = `/api/consultations/files/${mine.id}`;
    expect((await server.app.inject({ method: 'GET', url, headers: await signIn(server, '000100') })).rawPayload.equals(PNG)).toBe(true);
    for (const who of ['000200', '000010', '000001', '000012']) expect((await server.app.inject({ method: 'GET', url, headers: await signIn(server, who) })).statusCode, who).toBe(404);
    expect((await pushNew(memA, caseDoc({ attachments: [mine] }))).rejected).toEqual([expect.objectContaining({ code: 'forbidden_field', field: 'attachments' })]);
  });
});
