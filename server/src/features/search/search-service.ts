import type { SearchHit, SearchResult } from '@kumiai/shared';
import type { Db } from '../../db/database.ts';
import type { Clock } from '../../lib/clock.ts';
import type { UploadsService } from '../uploads/uploads-service.ts';
import { pdfText } from './pdf-text.ts';

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
  ) {}

  /**
   * Extracts the text of every PDF not yet extracted, one run at a time.
   * Started after each upload; a search awaits it, so what was uploaded
   * before a search is searchable in it (and tests are deterministic).
   */
  extractPending(): Promise<void> {
    const run = this.running.then(() => this.extractAll());
    // One failed run must not block the next ones.
    this.running = run.catch(() => undefined);
    return run;
  }

  private async extractAll(): Promise<void> {
    const pending = this.db
      .prepare("SELECT hash FROM uploads u WHERE type = 'application/pdf' AND NOT EXISTS (SELECT 1 FROM upload_texts x WHERE x.hash = u.hash) ORDER BY created_at LIMIT 100")
      .pluck()
      .all() as string[];
    for (const hash of pending) {
      let text = '';
      let error: string | null = null;
      try {
        text = await pdfText(this.uploads.read(hash).body);
      } catch (e) {
        // Recorded, so a broken PDF is not parsed again on every search.
        error = e instanceof Error ? e.message.slice(0, 500) : 'unreadable';
      }
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
    const snippet = excerpt(row.body, term) || excerpt(row.title, term) || row.body.slice(0, 80);
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

/** Plain text around the first occurrence of `term` (whitespace collapsed), or '' when absent. */
export function excerpt(text: string, term: string): string {
  const flat = text.normalize('NFKC').replace(/\s+/gu, ' ');
  const at = flat.toLowerCase().indexOf(term);
  if (at < 0 || term === '') return '';
  const start = Math.max(0, at - 30);
  const end = Math.min(flat.length, at + term.length + 60);
  return `${start > 0 ? '…' : ''}${flat.slice(start, end).trim()}${end < flat.length ? '…' : ''}`;
}
