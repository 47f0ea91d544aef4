import { excerpt, opening, type SearchHit, type SearchResult } from '@kumiai/shared';
import type { Db } from '../../db/database.ts';
import type { Clock } from '../../lib/clock.ts';
import type { UploadsService } from '../uploads/index.ts';
import { extractPdfText, type PdfLimits } from './pdf-text.ts';

/** Whether the searching member may read that notice or document now (the sync engine's rule). */
export type Readable = (collection: 'notices' | 'documents', id: string) => boolean;

interface FtsRow {
  kind: 'notice' | 'document' | 'upload';
  ref: string;
  title: string;
  body: string;
}

/** Rows read from the index per search before the readability filter: bounds the work of one query. */
const CANDIDATES = 500;
const MAX_TERMS = 8;

/**
 * Full-text search over notices, documents and the text of their PDFs.
 *
 * Words of 3+ characters go through the FTS5 trigram index (`search_fts`).
 * Trigrams cannot match 1–2 character words (賃金, 組合), so those are matched
 * with instr() over the same indexed text: restricted to the index's
 * candidates when the query also has a longer word, else a scan of the
 * stored text. We chose the scan over a bigram side table because a union's
 * corpus (thousands of notices and documents, some MB of PDF text) scans in
 * milliseconds, while a bigram index would double the storage and need its
 * own triggers; revisit if the corpus grows by orders of magnitude.
 *
 * Every hit is checked with the sync engine's read rule, so a member finds
 * only what their devices could receive; a PDF's text is found through the
 * notices and documents that reference it.
 */
export class SearchService {
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly uploads: UploadsService,
    private readonly pdfLimits: PdfLimits,
  ) {}

  /**
   * Extracts the text of every PDF attached to a notice or a document and not
   * extracted yet, one PDF at a time, each in a worker thread with time and
   * memory limits (pdf-text.ts). Files only uploaded are never parsed: a member
   * cannot make the server parse what nobody attached. Started after each
   * write to notices or documents and at start; a search awaits it (briefly),
   * so what was attached before a search is searchable in it.
   */
  extractPending(): Promise<void> {
    const run = this.running.then(() => this.extractAll());
    // One failed run must not block the next ones.
    this.running = run.catch(() => undefined);
    // A search waits for at most one PDF's time limit, never for a whole queue of slow ones.
    return Promise.race([run, new Promise<void>((resolve) => setTimeout(resolve, this.pdfLimits.timeoutMs).unref())]);
  }

  /** Resolves when every extraction started so far has finished (tests; a graceful stop). */
  settled(): Promise<void> {
    return this.running;
  }

  private async extractAll(): Promise<void> {
    const next = this.db.prepare(
      `SELECT u.hash FROM (SELECT hash FROM notice_attachments UNION SELECT hash FROM document_versions WHERE hash IS NOT NULL) a
       JOIN uploads u ON u.hash = a.hash
       WHERE u.type = 'application/pdf' AND NOT EXISTS (SELECT 1 FROM upload_texts x WHERE x.hash = u.hash) ORDER BY u.created_at LIMIT 1`,
    ).pluck();
    for (let hash = next.get() as string | undefined; hash !== undefined; hash = next.get() as string | undefined) {
      const result = await extractPdfText(this.uploads.read(hash).body, this.pdfLimits);
      // A failure (unreadable, too slow, too big) is recorded too: the file is marked not indexed and never parsed again.
      const [text, error] = 'text' in result ? [result.text, null] : ['', result.error];
      this.db.prepare('INSERT OR IGNORE INTO upload_texts (hash, text, error, at) VALUES (?, ?, ?, ?)').run(hash, text, error, this.clock.now());
    }
  }

  search(q: string, readable: Readable, options: { limit: number; offset: number }): SearchResult {
    const terms = [...new Set(q.normalize('NFKC').toLowerCase().split(/\s+/u).filter(Boolean))].slice(0, MAX_TERMS);
    if (terms.length === 0) return { hits: [], nextOffset: null };
    const long = terms.filter((t) => [...t].length >= 3);
    const short = terms.filter((t) => [...t].length < 3);
    const shortSql = short.map(() => "instr(lower(title || char(10) || body), ?) > 0");
    // Each long word is one quoted phrase (quotes doubled), so no FTS5 query syntax in q is ever interpreted.
    const match = long.map((t) => `"${t.replaceAll('"', '""')}"`).join(' AND ');
    const rows = (
      long.length > 0
        ? this.db.prepare(`SELECT kind, ref, title, body FROM search_fts WHERE search_fts MATCH ? ${shortSql.map((s) => `AND ${s}`).join(' ')} ORDER BY rank LIMIT ?`).all(match, ...short, CANDIDATES)
        : this.db.prepare(`SELECT kind, ref, title, body FROM search_fts WHERE ${shortSql.join(' AND ')} ORDER BY rowid DESC LIMIT ?`).all(...short, CANDIDATES)
    ) as FtsRow[];

    const wanted = options.offset + options.limit + 1;
    const hits: SearchHit[] = [];
    const seen = new Set<string>();
    for (const row of rows) {
      for (const hit of this.hitsOf(row, terms[0] ?? '')) {
        const key = `${hit.kind}:${hit.id}`;
        if (seen.has(key) || !readable(hit.kind === 'notice' ? 'notices' : 'documents', hit.id)) continue;
        seen.add(key);
        hits.push(hit);
      }
      if (hits.length >= wanted) break;
    }
    const page = hits.slice(options.offset, options.offset + options.limit);
    return { hits: page, nextOffset: hits.length > options.offset + options.limit ? options.offset + options.limit : null };
  }

  /** A notice or document row is its own hit; an upload's text is a hit on each notice and document that attaches it. */
  private hitsOf(row: FtsRow, term: string): SearchHit[] {
    // A notice's body and a document's description are Markdown; an upload's text is the PDF's own.
    const markdown = row.kind !== 'upload';
    const snippet = excerpt(row.body, term, { markdown }) || excerpt(row.title, term) || opening(row.body, 80, { markdown });
    if (row.kind === 'notice' || row.kind === 'document') return [{ kind: row.kind, id: row.ref, title: row.title, snippet }];
    const notices = this.db.prepare('SELECT n.id, n.title, n.attachments FROM notice_attachments a JOIN notices n ON n.id = a.notice_id WHERE a.hash = ?').all(row.ref) as { id: string; title: string; attachments: string }[];
    const documents = this.db
      .prepare('SELECT d.id, d.title, max(v.name) AS name FROM document_versions v JOIN documents d ON d.id = v.document_id WHERE v.hash = ? GROUP BY d.id')
      .all(row.ref) as { id: string; title: string; name: string }[];
    return [
      ...notices.map((n): SearchHit => {
        const name = (JSON.parse(n.attachments) as { hash: string; name: string }[]).find((a) => a.hash === row.ref)?.name ?? 'file.pdf';
        return { kind: 'notice', id: n.id, title: n.title, snippet, file: { hash: row.ref, name } };
      }),
      ...documents.map((d): SearchHit => ({ kind: 'document', id: d.id, title: d.title, snippet, file: { hash: row.ref, name: d.name } })),
    ];
  }
}
