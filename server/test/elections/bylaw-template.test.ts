import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { markdownBlocks, textPdf } from '../../src/lib/text-pdf.ts';
import { startTestServer, type TestServer } from '../helpers.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** The text a real PDF reader (poppler's pdftotext, installed by `npm test` when missing) finds in the PDF. */
function pdfText(pdf: Buffer): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf }).toString('utf8').replace(/\s+/g, '');
}

describe('the model bylaw clause for electronic voting', () => {
  it('is filed in 規約 for the whole union when the union is set up, as a PDF a reader can read in both languages', async () => {
    server = await startTestServer();
    const token = server.setup.issueTokenIfNeeded();
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/setup',
      payload: { token, unionName: 'さくら運輸労働組合', employeeNumber: '100', name: '山田 花子', password: 'correct horse battery' },
    });
    expect(res.statusCode).toBe(201);

    const docs = server.db.prepare("SELECT d.id, d.title, d.title_en, d.audience, d.author_id, v.hash, v.type FROM documents d JOIN document_versions v ON v.document_id = d.id WHERE d.folder_id = 'folder-bylaws'").all() as Record<string, string>[];
    expect(docs).toHaveLength(1);
    const admin = server.db.prepare('SELECT id FROM members').pluck().get();
    expect(docs[0]).toMatchObject({ title: '規約例文:電磁的方法による直接無記名投票', title_en: 'Model bylaw clause: direct secret ballot by electronic means', author_id: admin, type: 'application/pdf' });
    expect(JSON.parse(docs[0]!.audience!)).toMatchObject({ all: true });

    const text = pdfText(server.services.uploads.read(docs[0]!.hash!).body);
    expect(text).toContain('第○条(電磁的方法による投票)');
    expect(text).toContain('組合員の直接無記名投票によるものとし');
    expect(text).toContain('Article○(Votingbyelectronicmeans)');
    expect(text).toContain('anyonecancheckwithmeansindependentoftheunion');
    // The audit chain says who filed it.
    expect(server.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'document.created'").pluck().get()).toBe(1);
  });

  it('wraps long Japanese lines without starting a line with 、 or 。 and breaks pages', () => {
    // 46 full-width characters fill a line; the 、 after them hangs at its end instead of starting the next.
    const long = `${'あ'.repeat(46)}、${'い'.repeat(20)}。`;
    const blocks = markdownBlocks(`# 見出し\n\n1. ${long}\n   続きの行\n\n| a | b |\n|---|---|\n| 2-1 | 説明 |\n`);
    expect(blocks[0]).toEqual({ text: '見出し', heading: true });
    expect(blocks.find((b) => b.indent === 1)?.text).toBe(`1. ${long}続きの行`);
    expect(blocks.some((b) => b.text === '2-1 — 説明')).toBe(true);
    const pdf = textPdf('t', Array.from({ length: 80 }, () => ({ text: long })));
    expect(pdf.toString('latin1')).toMatch(/\/Count [2-9]/);
    const lines = execFileSync('pdftotext', ['-enc', 'UTF-8', '-layout', '-', '-'], { input: pdf }).toString('utf8').split('\n').map((l) => l.trim()).filter(Boolean);
    expect(lines.length).toBe(160);
    for (const line of lines) expect(line).not.toMatch(/^[、。]/);
  });
});
