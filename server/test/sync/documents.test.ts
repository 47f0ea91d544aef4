import { afterEach, describe, expect, it } from 'vitest';
import { seedOrg, signIn } from '../seed.ts';
import { japanesePdf } from '../japanese-pdf.ts';
import type { RawClient} from './support.ts';
import { audience, openAs, startSyncServer, type SyncServer } from './support.ts';

let server: SyncServer;
const clients: RawClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await server.close();
});

type File = { hash: string; name: string; type: string; size: number };

const clientFor = (memberId: string) => openAs(server, memberId, clients);

async function upload(headers: Record<string, string>, name: string, body: Buffer): Promise<File> {
  const res = await server.app.inject({ method: 'POST', url: `/api/uploads?name=${encodeURIComponent(name)}`, headers: { ...headers, 'content-type': 'application/octet-stream' }, payload: body });
  expect(res.statusCode).toBe(201);
  return res.json<File>();
}

const visible = async (client: RawClient) => new Map([...(await client.pullAll('documents')).docs].filter(([, d]) => !d._deleted));

describe('documents (資料室)', () => {
  it('seeds the four folders for everyone and reaches exactly the audience, keeping every version', async () => {
    server = await startSyncServer();
    await seedOrg(server);
    const officer = await signIn(server, '000010');
    const v1 = await upload(officer, '議事録.pdf', japanesePdf('第一回 議事録'));
    const created = await server.app.inject({
      method: 'POST',
      url: '/api/documents',
      headers: officer,
      payload: { folderId: 'folder-minutes', title: '定期大会議事録', description: 'A1職場の記録', audience: audience({ units: ['wA1'] }), keepOffline: true, file: v1 },
    });
    expect(created.statusCode).toBe(201);
    const { id } = created.json<{ id: string }>();

    const memA = await clientFor('memA');
    const memB = await clientFor('memB');
    const seen = await visible(memA);
    const folders = [...seen.values()].filter((d) => d.kind === 'folder').map((d) => d.title);
    expect(folders).toEqual(expect.arrayContaining(['規約', '議事録', '活動報告', '会議資料']));
    expect(seen.get(id)).toMatchObject({ kind: 'document', folderId: 'folder-minutes', title: '定期大会議事録', keepOffline: true, current: { version: 1, file: v1 }, versions: [{ version: 1, file: v1 }] });
    const other = await visible(memB);
    expect([...other.values()].filter((d) => d.kind === 'folder')).toHaveLength(4);
    expect(other.has(id)).toBe(false);

    // A new version: the document now points at it, and the first stays in the list.
    const { checkpoint } = await memA.pullAll('documents');
    const v2 = await upload(officer, '議事録-改.pdf', japanesePdf('第一回 議事録 訂正版'));
    const added = await server.app.inject({ method: 'POST', url: `/api/documents/${id}/versions`, headers: officer, payload: { file: v2, note: '誤字訂正' } });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toEqual({ version: 2 });
    const changed = await memA.pullAll('documents', checkpoint);
    expect(changed.docs.get(id)).toMatchObject({ current: { version: 2, file: v2, note: '誤字訂正' }, versions: [{ version: 1, file: v1 }, { version: 2, file: v2 }] });
    expect(server.db.prepare('SELECT count(*) FROM document_versions WHERE document_id = ?').pluck().get(id)).toBe(2);

    // Both versions' files are served to the audience; the member outside it gets the same 404 as for no file.
    const inside = await signIn(server, '000100');
    const outside = await signIn(server, '000200');
    const missing = await server.app.inject({ method: 'GET', url: `/api/files/${'0'.repeat(64)}`, headers: outside });
    for (const file of [v1, v2]) {
      const served = await server.app.inject({ method: 'GET', url: `/api/files/${file.hash}`, headers: inside });
      expect(served.statusCode).toBe(200);
      expect(served.headers['content-disposition']).toContain(encodeURIComponent(file.name));
      const refused = await server.app.inject({ method: 'GET', url: `/api/files/${file.hash}`, headers: outside });
      expect(refused.statusCode).toBe(404);
      expect(refused.body).toBe(missing.body);
    }
  });

  it('lets officers publish only within their scope, add folders, and attach only their own uploads', async () => {
    server = await startSyncServer();
    await seedOrg(server);
    const offA = await signIn(server, '000010');
    const offB = await signIn(server, '000020');
    const member = await signIn(server, '000100');
    const mine = await upload(offB, 'b.pdf', japanesePdf('B支部の資料'));
    const outOfScope = await server.app.inject({ method: 'POST', url: '/api/documents', headers: offB, payload: { folderId: 'folder-bylaws', title: 't', audience: audience({ units: ['wA1'] }), file: mine } });
    expect(outOfScope.statusCode).toBe(403);
    const notYours = await server.app.inject({ method: 'POST', url: '/api/documents', headers: offA, payload: { folderId: 'folder-bylaws', title: 't', audience: audience({ units: ['wA1'] }), file: mine } });
    expect(notYours.json()).toMatchObject({ error: { code: 'attachment_not_yours' } });
    const noFolder = await server.app.inject({ method: 'POST', url: '/api/documents', headers: offB, payload: { folderId: 'nope', title: 't', audience: audience({ units: ['wB1'] }), file: mine } });
    expect(noFolder.statusCode).toBe(404);
    const ok = await server.app.inject({ method: 'POST', url: '/api/documents', headers: offB, payload: { folderId: 'folder-bylaws', title: 't', audience: audience({ units: ['wB1'] }), file: mine } });
    expect(ok.statusCode).toBe(201);
    // Another officer outside the audience may not add versions (and is not told the document exists).
    const mineA = await upload(offA, 'a.pdf', japanesePdf('A'));
    const foreign = await server.app.inject({ method: 'POST', url: `/api/documents/${ok.json<{ id: string }>().id}/versions`, headers: offA, payload: { file: mineA } });
    expect(foreign.statusCode).toBe(404);

    expect((await server.app.inject({ method: 'POST', url: '/api/folders', headers: member, payload: { name: '私の' } })).statusCode).toBe(403);
    // A branch officer's folder is for their branch (the publishing rule): not for the whole union.
    expect((await server.app.inject({ method: 'POST', url: '/api/folders', headers: offA, payload: { name: '全体' } })).statusCode).toBe(403);
    const folder = await server.app.inject({ method: 'POST', url: '/api/folders', headers: offA, payload: { name: '労働協約', audience: audience({ units: ['bA'] }) } });
    expect(folder.statusCode).toBe(201);
    const folderId = folder.json<{ id: string }>().id;
    const memA = await clientFor('memA');
    expect((await visible(memA)).get(folderId)).toMatchObject({ kind: 'folder', title: '労働協約', folderId: null, current: null, versions: [] });
    const memB = await clientFor('memB');
    expect((await visible(memB)).has(folderId)).toBe(false);
  });
});
