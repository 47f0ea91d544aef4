import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SearchResult } from '@kumiai/shared';
import { DEFAULT_MIGRATIONS_DIR, openDatabase } from '../src/db/database.ts';
import { startTestServer, tempDir, type TestServer } from './helpers.ts';
import { japanesePdf } from './japanese-pdf.ts';
import { extractPdfText } from '../src/features/search/pdf-text.ts';
import { textPdf } from '../src/lib/text-pdf.ts';
import { seedOrg, signIn } from './seed.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function app(): TestServer['app'] {
  if (!server) throw new Error('no server');
  return server.app;
}

type File = { hash: string; name: string; type: string; size: number };
type Headers = Record<string, string>;
const audience = (units: string[]) => ({ all: false, units, roles: [], members: [] });

async function upload(headers: Headers, name: string, body: Buffer): Promise<File> {
  const res = await app().inject({ method: 'POST', url: `/api/uploads?name=${encodeURIComponent(name)}`, headers: { ...headers, 'content-type': 'application/octet-stream' }, payload: body });
  expect(res.statusCode).toBe(201);
  return res.json<File>();
}

async function post(headers: Headers, url: string, payload: Record<string, unknown>): Promise<string> {
  const res = await app().inject({ method: 'POST', url, headers, payload });
  expect(res.statusCode).toBe(201);
  return res.json<{ id: string }>().id;
}

async function search(headers: Headers, q: string, extra = ''): Promise<SearchResult> {
  const res = await app().inject({ method: 'GET', url: `/api/search?q=${encodeURIComponent(q)}${extra}`, headers });
  expect(res.statusCode).toBe(200);
  return res.json<SearchResult>();
}

describe('search', () => {
  it('extracts Japanese text from a PDF', async () => {
    expect(await extractPdfText(japanesePdf('今年の賃金交渉について'))).toEqual({ text: expect.stringContaining('賃金交渉') as unknown });
  });

  it('extracts the text of a PDF whose Japanese font is not embedded (a predefined CMap), as our own minutes and bylaws are', async () => {
    const pdf = textPdf('定期大会議事録', [{ text: '議題一 賃金改定の要求', heading: true }, { text: '賛成多数で可決した。' }]);
    expect(pdf.includes(Buffer.from('/UniJIS-UTF16-H'))).toBe(true);
    const result = await extractPdfText(pdf);
    expect(result).toEqual({ text: expect.stringContaining('賃金改定の要求') as unknown });
    expect(result).toEqual({ text: expect.stringContaining('賛成多数で可決した') as unknown });
  });

  it('a database that read such PDFs as empty text forgets those results once, so they are extracted again (migration 0025)', () => {
    const dir = tempDir();
    const before = tempDir('kumiai-migrations-');
    for (const f of fs.readdirSync(DEFAULT_MIGRATIONS_DIR).filter((f) => f.endsWith('.sql') && f < '20261127-0025')) fs.copyFileSync(path.join(DEFAULT_MIGRATIONS_DIR, f), path.join(before, f));
    const old = openDatabase(dir, before);
    for (const [hash, text, error] of [['a'.repeat(64), '', null], ['b'.repeat(64), '', 'extraction took longer than 30000 ms'], ['c'.repeat(64), '規約の本文', null]] as const) {
      old.prepare("INSERT INTO uploads (hash, size, type, created_at) VALUES (?, 1, 'application/pdf', 0)").run(hash);
      old.prepare('INSERT INTO upload_texts (hash, text, error, at) VALUES (?, ?, ?, 0)').run(hash, text, error);
    }
    old.close();
    const db = openDatabase(dir);
    expect(db.prepare('SELECT hash FROM upload_texts ORDER BY hash').pluck().all()).toEqual(['b'.repeat(64), 'c'.repeat(64)]);
    expect(db.prepare("SELECT ref FROM search_fts WHERE kind = 'upload' ORDER BY ref").pluck().all()).toEqual(['b'.repeat(64), 'c'.repeat(64)]);
    db.close();
  });

  it('finds 3+ character words through the trigram index, only in what the member may read', async () => {
    server = await startTestServer();
    await seedOrg(server);
    const officer = await signIn(server, '000010');
    const notice = await post(officer, '/api/notices', { title: '春闘の要求について', body: '来週、会社と団体交渉を行います。', audience: audience(['wA1']) });
    const file = await upload(officer, '大会.pdf', japanesePdf('大会資料'));
    const doc = await post(officer, '/api/documents', { folderId: 'folder-minutes', title: '定期大会議事録', description: '第80回定期大会の記録', audience: audience(['wA1']), file });

    const memA = await signIn(server, '000100');
    const memB = await signIn(server, '000200');
    const found = await search(memA, '団体交渉');
    expect(found.hits).toEqual([{ kind: 'notice', id: notice, title: '春闘の要求について', snippet: expect.stringContaining('団体交渉') as unknown }]);
    expect((await search(memA, '定期大会')).hits.map((h) => h.id)).toEqual([doc]);
    expect((await search(memB, '団体交渉')).hits).toEqual([]);
    expect((await search(memB, '定期大会')).hits).toEqual([]);
    // FTS5 query syntax in the words is taken literally, never interpreted.
    expect((await search(memA, '"団体 OR NEAR(')).hits).toEqual([]);
  });

  it('answers a Markdown notice with a plain-text snippet: the words a reader sees, no #, ** or link address', async () => {
    server = await startTestServer();
    await seedOrg(server);
    const officer = await signIn(server, '000010');
    const body = '# 春闘の回答\n\n**団体交渉**の結果は[こちら](https://example.jp/kaitou.pdf)です。';
    const notice = await post(officer, '/api/notices', { title: '回答', body, audience: audience(['wA1']) });
    const found = await search(await signIn(server, '000100'), '団体交渉');
    expect(found.hits).toEqual([{ kind: 'notice', id: notice, title: '回答', snippet: '春闘の回答 団体交渉の結果はこちらです。' }]);
  });

  it('finds the two-character word 賃金 inside an uploaded PDF, for the audience only', async () => {
    server = await startTestServer();
    await seedOrg(server);
    const offA = await signIn(server, '000010');
    const offB = await signIn(server, '000020');
    const pdfA = await upload(offA, '交渉報告.pdf', japanesePdf('今年の賃金改定について組合の要求をまとめました'));
    const notice = await post(offA, '/api/notices', { title: '交渉報告', body: '添付を見てください', attachments: [pdfA], audience: audience(['wA1']) });
    const pdfB = await upload(offB, '協約.pdf', japanesePdf('賃金規程 第一条'));
    const doc = await post(offB, '/api/documents', { folderId: 'folder-bylaws', title: '労働協約', audience: audience(['wB1']), file: pdfB });

    const memA = await signIn(server, '000100');
    const memB = await signIn(server, '000200');
    const a = await search(memA, '賃金');
    expect(a.hits).toEqual([{ kind: 'notice', id: notice, title: '交渉報告', snippet: expect.stringContaining('賃金改定') as unknown, file: { hash: pdfA.hash, name: '交渉報告.pdf' } }]);
    const b = await search(memB, '賃金');
    expect(b.hits).toEqual([{ kind: 'document', id: doc, title: '労働協約', snippet: expect.stringContaining('賃金規程') as unknown, file: { hash: pdfB.hash, name: '協約.pdf' } }]);
    // A short word with a longer one: the short one narrows the index's candidates.
    expect((await search(memA, '賃金 組合の要求')).hits.map((h) => h.id)).toEqual([notice]);
    expect((await search(memA, '賃金 労働協約')).hits).toEqual([]);

    // Two readable hits, a page at a time.
    const second = await post(offA, '/api/notices', { title: '賃金表', body: '改定後の表です', audience: audience(['wA1']) });
    const page1 = await search(memA, '賃金', '&limit=1');
    expect(page1.hits).toHaveLength(1);
    expect(page1.nextOffset).toBe(1);
    const page2 = await search(memA, '賃金', '&limit=1&offset=1');
    expect(page2.nextOffset).toBeNull();
    expect(new Set([...page1.hits, ...page2.hits].map((h) => h.id))).toEqual(new Set([notice, second]));
  });
});
