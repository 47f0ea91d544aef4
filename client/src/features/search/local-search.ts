import type { DocumentDoc, NoticeDoc, SearchHit } from '@kumiai/shared';

/** NFKC (full-width letters and digits, half-width kana fold together), lower case. */
export function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** A short plain-text excerpt around the first match, or '' when there is none. */
export function excerpt(text: string, query: string, radius = 40): string {
  const flat = text.normalize('NFKC').replace(/\s+/g, ' ');
  const at = flat.toLowerCase().indexOf(query);
  if (at < 0) return '';
  const start = Math.max(0, at - radius);
  const end = Math.min(flat.length, at + query.length + radius);
  return `${start > 0 ? '…' : ''}${flat.slice(start, end)}${end < flat.length ? '…' : ''}`;
}

/**
 * The offline search: the published notices and the documents on the device
 * whose title, body or description contains the query (NFKC-normalised, case
 * folded). Titles first, then newest first. The text inside PDFs is the
 * server's alone, so it is not searched here.
 */
export function searchOnDevice(query: string, notices: readonly NoticeDoc[], documents: readonly DocumentDoc[]): SearchHit[] {
  const q = normalise(query.trim());
  if (!q) return [];
  const scored: { hit: SearchHit; inTitle: boolean; at: number }[] = [];
  for (const n of notices) {
    if (n.status !== 'published') continue;
    const inTitle = normalise(n.title).includes(q);
    if (!inTitle && !normalise(n.body).includes(q)) continue;
    scored.push({ hit: { kind: 'notice', id: n.id, title: n.title, snippet: excerpt(n.body, q) || n.body.slice(0, 80) }, inTitle, at: n.publishAt });
  }
  for (const d of documents) {
    if (d.kind !== 'document') continue;
    const inTitle = normalise(d.title).includes(q);
    if (!inTitle && !normalise(d.description).includes(q)) continue;
    scored.push({ hit: { kind: 'document', id: d.id, title: d.title, snippet: excerpt(d.description, q) || d.description.slice(0, 80) }, inTitle, at: d.updatedAt });
  }
  return scored.sort((a, b) => Number(b.inTitle) - Number(a.inTitle) || b.at - a.at).map((s) => s.hit);
}
