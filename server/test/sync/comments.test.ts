import { afterEach, describe, expect, it } from 'vitest';
import { seedMember, seedOrg, signIn } from '../seed.ts';
import type { RawClient} from './support.ts';
import { audience, openAs, startSyncServer, type SyncServer, waitFor } from './support.ts';

let server: SyncServer;
const clients: RawClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await server.close();
});

async function setup() {
  server = await startSyncServer();
  await seedOrg(server);
  await seedMember(server.db, { id: 'memA2', employeeNumber: '000101', unitId: 'wA1' });
  await seedMember(server.db, { id: 'memB2', employeeNumber: '000201', unitId: 'bB' });
}

const clientFor = (memberId: string) => openAs(server, memberId, clients);


async function publish(body: Record<string, unknown>) {
  const headers = await signIn(server, '000001');
  const res = await server.app.inject({ method: 'POST', url: '/api/notices', headers, payload: { title: 'お知らせ', body: '本文', ...body } });
  expect(res.statusCode).toBe(201);
  return { headers, id: res.json<{ id: string }>().id };
}

const comment = (noticeId: string, authorId: string, text: string, id = `c-${authorId}-${text}`) => ({
  id,
  noticeId,
  authorId,
  kind: 'comment',
  text,
  emoji: null,
  hidden: false,
  createdAt: server.clock.now(),
  updatedAt: 0,
});
const reaction = (noticeId: string, authorId: string, emoji: string, id = `${noticeId}:${authorId}:${emoji}`) => ({ ...comment(noticeId, authorId, '', id), kind: 'reaction', emoji });

async function write(client: RawClient, docs: Record<string, unknown>[], assumed?: Record<string, unknown>) {
  const rows = docs.map((d) => ({ newDocumentState: d, ...(assumed ? { assumedMasterState: assumed } : {}) }));
  const reply = await client.request('notice_comments', 'masterWrite', [rows]);
  expect(reply.error).toBeUndefined();
  return { codes: (reply.rejected ?? []).map((r) => [r.id, r.code, r.field ?? ''].join(' ')), conflicts: reply.result as unknown[] };
}

/** Messages on one socket are handled in order: once this answers, an earlier subscription is in place. */
const settle = (client: RawClient) => client.request('notice_comments', 'masterChangesSince', [null, 1]);

const live = (docs: Map<string, Record<string, unknown>>) => [...docs.values()].filter((d) => !d._deleted).map((d) => d.id).sort();

describe('notice comments and reactions', () => {
  it('enforces who may comment, react, edit, delete and hide', async () => {
    await setup();
    const open = await publish({ audience: audience({ units: ['wA1'] }) });
    const closed = await publish({ audience: audience({ units: ['wA1'] }), allowComments: false });
    const memA = await clientFor('memA');
    const memA2 = await clientFor('memA2');
    const memB = await clientFor('memB');

    const first = await write(memA, [
      comment(open.id, 'memA', 'hello'),
      comment(open.id, 'memA2', 'forged'),
      comment(closed.id, 'memA', 'closed'),
      reaction(open.id, 'memA', '👍'),
      reaction(open.id, 'memA', '❤️', 'wrong-id'),
      reaction(open.id, 'memA', '💩'),
      comment('no-such-notice', 'memA', 'ghost'),
    ]);
    expect(first.codes).toEqual([
      'c-memA2-forged forbidden_field authorId',
      'c-memA-closed closed ',
      'wrong-id forbidden_field id',
      `${open.id}:memA:💩 schema_invalid `,
      'c-memA-ghost not_found ',
    ]);
    // Outside the audience: refused as not found, the notice never revealed.
    expect((await write(memB, [comment(open.id, 'memB', 'outsider')])).codes).toEqual(['c-memB-outsider not_found ']);

    // Another member reads memA's comment but may not edit or delete it.
    const seen = await memA2.pullAll('notice_comments');
    expect(live(seen.docs)).toEqual([`${open.id}:memA:👍`, 'c-memA-hello'].sort());
    const master = seen.docs.get('c-memA-hello')!;
    expect(master).toMatchObject({ authorId: 'memA', authorName: '名前000100', text: 'hello', hidden: false });
    expect((await write(memA2, [{ ...comment(open.id, 'memA', 'edited by someone else', 'c-memA-hello'), createdAt: master.createdAt }], master)).codes).toEqual(['c-memA-hello forbidden ']);
    expect((await write(memA2, [{ ...master, _deleted: true }], master)).codes).toEqual(['c-memA-hello forbidden ']);
    // Its author edits the text (not the notice or the kind), and takes the reaction back.
    expect((await write(memA, [{ ...master, text: 'hello again' }], master)).codes).toEqual([]);
    expect((await write(memA, [{ ...master, kind: 'reaction', text: 'hello again' }], { ...master, text: 'hello again' })).codes).toEqual(['c-memA-hello forbidden_field kind']);
    const like = seen.docs.get(`${open.id}:memA:👍`)!;
    expect((await write(memA, [{ ...like, _deleted: true }], like)).codes).toEqual([]);
    const after = await memA2.pullAll('notice_comments', seen.checkpoint);
    expect(after.docs.get('c-memA-hello')).toMatchObject({ text: 'hello again', _deleted: false });
    expect(after.docs.get(`${open.id}:memA:👍`)).toMatchObject({ _deleted: true });

    // Hiding: a plain member of the audience is refused, an outsider does not learn it exists, the branch officer hides.
    const hide = async (employeeNumber: string, commentId = 'c-memA-hello', noticeId = open.id) =>
      (await server.app.inject({ method: 'POST', url: `/api/notices/${noticeId}/comments/${commentId}/hide`, headers: await signIn(server, employeeNumber) })).statusCode;
    expect(await hide('000101')).toBe(403);
    expect(await hide('000200')).toBe(404);
    expect(await hide('000010', 'no-such-comment')).toBe(404);
    expect(await hide('000010')).toBe(200);
    const hidden = await memA2.pullAll('notice_comments', after.checkpoint);
    expect(hidden.docs.get('c-memA-hello')).toMatchObject({ hidden: true, text: '', _deleted: false });
    expect(server.db.prepare('SELECT text, hidden_by FROM notice_comments WHERE id = ?').get('c-memA-hello')).toEqual({ text: 'hello again', hidden_by: 'offA' });
    // A hidden comment can no longer be edited by its author.
    const hiddenMaster = hidden.docs.get('c-memA-hello')!;
    const { _deleted: _d, ...hiddenDoc } = hiddenMaster;
    expect((await write(memA, [{ ...hiddenDoc, text: 'sneaky' }], hiddenDoc)).codes).toEqual(['c-memA-hello forbidden ']);
    // The notice's author reads the comments on their notice; nobody outside the audience does.
    const admin = await clientFor('admin');
    expect(live((await admin.pullAll('notice_comments')).docs)).toEqual(['c-memA-hello']);
    expect([...(await memB.pullAll('notice_comments')).docs.keys()]).toEqual([]);
  });

  it('no comment of a notice reaches, by pull or stream, a member who cannot read the notice', async () => {
    await setup();
    const notice = await publish({ audience: audience({ units: ['wA1'], members: ['memB2'] }) });
    const memA = await clientFor('memA');
    const memB = await clientFor('memB');
    const memB2 = await clientFor('memB2');
    memB.subscribe('notice_comments');
    memB2.subscribe('notice_comments');
    await settle(memB);
    await settle(memB2);
    expect((await write(memA, [comment(notice.id, 'memA', 'only for wA1')])).codes).toEqual([]);
    await waitFor(() => memB2.streamed.some((m) => JSON.stringify(m.result).includes('c-memA-only for wA1')), 3000, 'stream to a named member');
    await new Promise((r) => setTimeout(r, 200));
    expect(memB.streamed).toEqual([]);
    expect([...(await memB.pullAll('notice_comments')).docs.keys()]).toEqual([]);
    expect(live((await memB2.pullAll('notice_comments')).docs)).toEqual(['c-memA-only for wA1']);
  });

  it('a narrowed notice audience removes its comments from the excluded devices', async () => {
    await setup();
    const { id, headers } = await publish({ audience: audience({ units: ['bA', 'wB1'] }) });
    const memA = await clientFor('memA');
    const memB = await clientFor('memB');
    expect((await write(memA, [comment(id, 'memA', 'from A'), reaction(id, 'memA', '✊')])).codes).toEqual([]);
    expect((await write(memB, [comment(id, 'memB', 'from B')])).codes).toEqual([]);
    const before = await memB.pullAll('notice_comments');
    expect(live(before.docs)).toEqual([`${id}:memA:✊`, 'c-memA-from A', 'c-memB-from B'].sort());
    memB.subscribe('notice_comments');
    await settle(memB);

    const narrowed = await server.app.inject({ method: 'PUT', url: `/api/notices/${id}`, headers, payload: { title: 'お知らせ', body: '本文', audience: audience({ units: ['bA'] }) } });
    expect(narrowed.statusCode).toBe(200);
    // Live: every comment of the notice leaves the excluded device, content stripped.
    const streamedIds = () => new Set(memB.streamed.flatMap((m) => (m.result as { documents: { id: string; _deleted: boolean }[] }).documents.filter((d) => d._deleted).map((d) => d.id)));
    await waitFor(() => streamedIds().size === 3, 3000, 'removals streamed');
    // From the old checkpoint: the same removals.
    const after = await memB.pullAll('notice_comments', before.checkpoint);
    expect([...after.docs.keys()].sort()).toEqual([...before.docs.keys()].sort());
    for (const doc of after.docs.values()) expect(doc).toMatchObject({ _deleted: true, text: '' });
    // The kept audience still reads them all, and a new device of the excluded member gets none.
    expect(live((await memA.pullAll('notice_comments')).docs)).toEqual([`${id}:memA:✊`, 'c-memA-from A', 'c-memB-from B'].sort());
    const fresh = await clientFor('memB');
    expect([...(await fresh.pullAll('notice_comments')).docs.keys()]).toEqual([]);
    // Widened again, they come back.
    await server.app.inject({ method: 'PUT', url: `/api/notices/${id}`, headers, payload: { title: 'お知らせ', body: '本文', audience: audience({ units: ['bA', 'wB1'] }) } });
    expect(live((await memB.pullAll('notice_comments', after.checkpoint)).docs)).toHaveLength(3);
  });
});

describe('taking back and giving again', () => {
  it('a reaction taken back can be given again by its author, and nobody takes over another member’s taken-back comment', async () => {
    await setup();
    const { id } = await publish({ audience: audience({ units: ['wA1'] }) });
    const memA = await clientFor('memA');
    const memA2 = await clientFor('memA2');
    const like = reaction(id, 'memA', '👍');
    expect((await write(memA, [like])).codes).toEqual([]);
    const given = (await memA.pullAll('notice_comments')).docs.get(like.id)!;
    // Taken back (RxDB sends the deletion with the master it assumed)...
    const back = await memA.request('notice_comments', 'masterWrite', [[{ assumedMasterState: given, newDocumentState: { ...given, _deleted: true } }]]);
    expect(back.rejected).toBeUndefined();
    expect(server.db.prepare('SELECT deleted FROM notice_comments WHERE id = ?').pluck().get(like.id)).toBe(1);
    // ...and given again.
    expect((await write(memA, [like])).codes).toEqual([]);
    expect(server.db.prepare('SELECT deleted FROM notice_comments WHERE id = ?').pluck().get(like.id)).toBe(0);
    expect((await memA2.pullAll('notice_comments')).docs.get(like.id)).toMatchObject({ _deleted: false, emoji: '👍', authorId: 'memA' });

    // A comment taken back stays its author's: another member re-using its id is refused.
    const mine = comment(id, 'memA', 'はじめまして', 'c-shared-id');
    expect((await write(memA, [mine])).codes).toEqual([]);
    const stored = (await memA.pullAll('notice_comments')).docs.get('c-shared-id')!;
    await memA.request('notice_comments', 'masterWrite', [[{ assumedMasterState: stored, newDocumentState: { ...stored, _deleted: true } }]]);
    expect((await write(memA2, [comment(id, 'memA2', '乗っ取り', 'c-shared-id')])).codes).toEqual(['c-shared-id forbidden ']);
    expect(server.db.prepare("SELECT author_id, deleted FROM notice_comments WHERE id = 'c-shared-id'").get()).toEqual({ author_id: 'memA', deleted: 1 });
  });
});
