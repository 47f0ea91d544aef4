import { afterEach, describe, expect, it } from 'vitest';
import { audience } from './support.ts';
import { startTestServer, type TestServer } from '../helpers.ts';
import { seedOrg, signIn } from '../seed.ts';

let server: TestServer;
afterEach(async () => {
  await server.close();
});

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

async function upload(headers: Record<string, string>, name: string, body: Buffer) {
  return server.app.inject({ method: 'POST', url: `/api/uploads?name=${encodeURIComponent(name)}`, headers: { ...headers, 'content-type': 'application/octet-stream' }, payload: body });
}


describe('attachments', () => {
  it('serve a notice’s PDF to its audience only, sandboxed; others get 404', async () => {
    server = await startTestServer({ KUMIAI_UPLOAD_MAX_BYTES: '4096' });
    await seedOrg(server);
    const officer = await signIn(server, '000010');
    const res = await upload(officer, '賃金交渉.pdf', PDF);
    expect(res.statusCode).toBe(201);
    const file = res.json<{ hash: string; type: string; size: number; name: string }>();
    expect(file).toMatchObject({ type: 'application/pdf', size: PDF.length, name: '賃金交渉.pdf' });
    const created = await server.app.inject({ method: 'POST', url: '/api/notices', headers: officer, payload: { title: '交渉報告', body: '添付を見てください', audience: audience({ units: ['wA1'] }), attachments: [file] } });
    expect(created.statusCode).toBe(201);

    const inside = await signIn(server, '000100');
    const served = await server.app.inject({ method: 'GET', url: `/api/files/${file.hash}`, headers: inside });
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('application/pdf');
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(served.headers['content-security-policy']).toMatch(/^sandbox;/);
    expect(served.rawPayload.equals(PDF)).toBe(true);

    const outside = await signIn(server, '000200');
    const refused = await server.app.inject({ method: 'GET', url: `/api/files/${file.hash}`, headers: outside });
    const missing = await server.app.inject({ method: 'GET', url: `/api/files/${'0'.repeat(64)}`, headers: outside });
    expect(refused.statusCode).toBe(404);
    expect(refused.body).toBe(missing.body);
  });

  it('checks the type by content, caps the size, and lets a notice reference only its author’s uploads', async () => {
    server = await startTestServer({ KUMIAI_UPLOAD_MAX_BYTES: '4096' });
    await seedOrg(server);
    const officer = await signIn(server, '000010');
    const script = await upload(officer, 'report.pdf', Buffer.from('<script>alert(1)</script>'));
    expect(script.statusCode).toBe(415);
    expect(script.json()).toMatchObject({ error: { code: 'unsupported_file_type' } });
    const big = await upload(officer, 'big.pdf', Buffer.concat([PDF, Buffer.alloc(8192)]));
    expect(big.statusCode).toBe(413);
    expect(server.db.prepare('SELECT count(*) FROM uploads').pluck().get()).toBe(0);

    const other = await signIn(server, '000001');
    const theirs = (await upload(other, 'photo.png', PNG)).json<{ hash: string; type: string; size: number; name: string }>();
    const forged = await server.app.inject({ method: 'POST', url: '/api/notices', headers: officer, payload: { title: 't', body: 'b', audience: audience({ units: ['wA1'] }), attachments: [theirs] } });
    expect(forged.statusCode).toBe(400);
    expect(forged.json()).toMatchObject({ error: { code: 'attachment_not_yours' } });
    const mine = (await upload(officer, 'photo.png', PNG)).json<{ hash: string; type: string; size: number; name: string }>();
    const lying = await server.app.inject({ method: 'POST', url: '/api/notices', headers: officer, payload: { title: 't', body: 'b', audience: audience({ units: ['wA1'] }), attachments: [{ ...mine, type: 'application/pdf' }] } });
    expect(lying.json()).toMatchObject({ error: { code: 'attachment_not_yours' } });
    expect(server.db.prepare('SELECT count(*) FROM notices').pluck().get()).toBe(0);
  });
});
