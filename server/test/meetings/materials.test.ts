import { afterEach, describe, expect, it } from 'vitest';
import { japanesePdf } from '../japanese-pdf.ts';
import { seedOrg, signIn } from '../seed.ts';
import { startSyncServer, type SyncServer } from '../sync/support.ts';
import { audience, committee, type Headers } from './support.ts';

let server: SyncServer;
afterEach(async () => server.close());

async function publishDocument(headers: Headers, units: string[]): Promise<string> {
  const upload = await server.app.inject({ method: 'POST', url: `/api/uploads?name=${encodeURIComponent('議案書.pdf')}`, headers: { ...headers, 'content-type': 'application/octet-stream' }, payload: japanesePdf('議案書') });
  expect(upload.statusCode).toBe(201);
  const folder = await server.app.inject({ method: 'POST', url: '/api/folders', headers, payload: { name: `資料 ${units.join(',')}`, audience: audience({ units }) } });
  const doc = await server.app.inject({ method: 'POST', url: '/api/documents', headers, payload: { folderId: folder.json<{ id: string }>().id, title: '議案書', audience: audience({ units }), file: upload.json<{ hash: string; name: string; type: string; size: number }>() } });
  expect(doc.statusCode, doc.body).toBe(201);
  return doc.json<{ id: string }>().id;
}

describe('library documents as meeting materials (issue 19)', () => {
  it('accepts a document every invitee reads; refuses one whose audience is narrower (meeting_material_audience) and an unknown one, saving nothing', async () => {
    server = await startSyncServer();
    await seedOrg(server);
    const offA = await signIn(server, '000010');
    const forBranch = await publishDocument(offA, ['bA']);
    const forOneWorkplace = await publishDocument(offA, ['wA1']);
    const withMaterial = (documentId: string) =>
      committee(server, { audience: audience({ units: ['bA'] }), agenda: [{ id: 'i1', title: '運動方針', materials: [{ documentId }] }] });
    const meetings = () => server.db.prepare("SELECT count(*) FROM events WHERE kind = 'meeting'").pluck().get();

    const narrow = await server.app.inject({ method: 'POST', url: '/api/meetings', headers: offA, payload: withMaterial(forOneWorkplace) });
    expect(narrow.statusCode).toBe(400);
    expect(narrow.json()).toMatchObject({ error: { code: 'meeting_material_audience' } });
    const unknown = await server.app.inject({ method: 'POST', url: '/api/meetings', headers: offA, payload: withMaterial('no-such-document') });
    expect(unknown.statusCode).toBe(404);
    expect(meetings()).toBe(0);

    const ok = await server.app.inject({ method: 'POST', url: '/api/meetings', headers: offA, payload: withMaterial(forBranch) });
    expect(ok.statusCode, ok.body).toBe(200);
    // The same narrow document is fine for a meeting of that workplace only.
    const workplace = committee(server, { audience: audience({ units: ['wA1'] }), agenda: [{ id: 'i1', title: '職場の課題', materials: [{ documentId: forOneWorkplace }] }] });
    expect((await server.app.inject({ method: 'POST', url: '/api/meetings', headers: offA, payload: workplace })).statusCode).toBe(200);
    // Editing cannot widen the audience past the material's readers either.
    const id = ok.json<{ id: string }>().id;
    const edit = await server.app.inject({ method: 'PUT', url: `/api/meetings/${id}`, headers: offA, payload: withMaterial(forOneWorkplace) });
    expect(edit.json()).toMatchObject({ error: { code: 'meeting_material_audience' } });
    expect(meetings()).toBe(2);
  });
});
