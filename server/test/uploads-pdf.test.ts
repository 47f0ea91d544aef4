import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SearchResult } from '@kumiai/shared';
import { japanesePdf } from './japanese-pdf.ts';
import { pdfBomb } from './pdf-bomb.ts';
import { seedOrg, signIn } from './seed.ts';
import { startSyncServer, type SyncServer } from './sync/support.ts';

/** Issue 11 finding 5: PDF text extraction in a limited worker, only for attached files, and a per-member upload quota. */
let server: SyncServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

type File = { hash: string; name: string; type: string; size: number };
type Headers = Record<string, string>;
const audience = (units: string[]) => ({ all: false, units, roles: [], members: [] });

async function upload(headers: Headers, name: string, body: Buffer) {
  return server!.app.inject({ method: 'POST', url: `/api/uploads?name=${encodeURIComponent(name)}`, headers: { ...headers, 'content-type': 'application/octet-stream' }, payload: body });
}

async function uploaded(headers: Headers, name: string, body: Buffer): Promise<File> {
  const res = await upload(headers, name, body);
  expect(res.statusCode).toBe(201);
  return res.json<File>();
}

async function search(headers: Headers, q: string): Promise<SearchResult> {
  const res = await server!.app.inject({ method: 'GET', url: `/api/search?q=${encodeURIComponent(q)}`, headers });
  expect(res.statusCode).toBe(200);
  return res.json<SearchResult>();
}

const texts = () => server!.db.prepare('SELECT hash, text, error FROM upload_texts').all() as { hash: string; text: string; error: string | null }[];

describe('PDF text extraction and upload quota', () => {
  it('a PDF bomb attached to a notice is parsed off the event loop, stopped at its memory limit and marked not indexed', async () => {
    server = await startSyncServer({ KUMIAI_PDF_MEMORY_MB: '64' });
    await seedOrg(server);
    const officer = await signIn(server, '000010');
    // ~200 KB on the wire, 200 MiB once inflated.
    const bomb = await uploaded(officer, 'bomb.pdf', pdfBomb(200));
    expect(bomb.size).toBeLessThan(400_000);
    const res = await server.app.inject({ method: 'POST', url: '/api/notices', headers: officer, payload: { title: '資料', body: '添付', attachments: [bomb], audience: audience(['wA1']) } });
    expect(res.statusCode).toBe(201);

    void server.services.search.extractPending();
    let finished = false;
    const done = server.services.search.settled().then(() => (finished = true));
    // /healthz over real HTTP, again and again while the PDF is being parsed.
    const latencies: number[] = [];
    while (!finished) {
      const start = performance.now();
      const health = await fetch(`http://127.0.0.1:${server.port}/healthz`);
      expect(health.status).toBe(200);
      latencies.push(performance.now() - start);
    }
    await done;
    expect(latencies.length).toBeGreaterThan(0);
    // Generous: parsing this PDF on the event loop holds every request for seconds.
    expect(Math.max(...latencies)).toBeLessThan(1000);
    expect(texts()).toEqual([{ hash: bomb.hash, text: '', error: expect.stringMatching(/more than 64 MB/) as unknown }]);
    // Marked, so it is never parsed again; searching still works.
    await server.services.search.extractPending();
    expect(texts()).toHaveLength(1);
    expect((await search(await signIn(server, '000100'), '資料')).hits).toHaveLength(1);
  });

  it('extracts only PDFs that a notice or a document attaches, not files only uploaded', async () => {
    server = await startSyncServer();
    await seedOrg(server);
    const officer = await signIn(server, '000010');
    const member = await signIn(server, '000100');
    const loose = await uploaded(member, 'loose.pdf', japanesePdf('未添付の賃金資料'));
    const kept = await uploaded(officer, 'kept.pdf', japanesePdf('添付された賃金資料'));
    await server.services.search.extractPending();
    await server.services.search.settled();
    expect(texts()).toEqual([]);

    const res = await server.app.inject({ method: 'POST', url: '/api/documents', headers: officer, payload: { folderId: 'folder-bylaws', title: '協約', audience: audience(['wA1']), file: kept } });
    expect(res.statusCode).toBe(201);
    expect((await search(member, '賃金資料')).hits.map((h) => h.file?.hash)).toEqual([kept.hash]);
    expect(texts().map((t) => t.hash)).toEqual([kept.hash]);
    expect(texts().map((t) => t.hash)).not.toContain(loose.hash);
  });

  it('refuses an upload past the member\u2019s daily quota with a coded error and stores nothing', async () => {
    server = await startSyncServer({ KUMIAI_UPLOAD_QUOTA_BYTES_PER_DAY: '5000' });
    await seedOrg(server);
    const member = await signIn(server, '000100');
    const pdf = (n: number, fill: string) => Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(n - 9, fill)]);
    const first = await uploaded(member, 'a.pdf', pdf(3000, 'a'));
    const dir = path.join(server.config.dataDir, 'uploads');
    const files = () => fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
    expect(files()).toBe(1);

    const refused = await upload(member, 'b.pdf', pdf(2500, 'b'));
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ error: { code: 'upload_quota_exceeded' } });
    expect(server.db.prepare('SELECT count(*) FROM uploads').pluck().get()).toBe(1);
    expect(server.db.prepare('SELECT count(*) FROM upload_owners').pluck().get()).toBe(1);
    expect(files()).toBe(1);

    // The same file again costs nothing; another member has a quota of their own; a day later it is free again.
    expect((await upload(member, 'a-again.pdf', pdf(3000, 'a'))).json<File>().hash).toBe(first.hash);
    expect((await upload(await signIn(server, '000200'), 'b.pdf', pdf(2500, 'b'))).statusCode).toBe(201);
    server.clock.advance(24 * 3600 * 1000 + 1);
    expect((await upload(member, 'c.pdf', pdf(2500, 'c'))).statusCode).toBe(201);
  });
});
