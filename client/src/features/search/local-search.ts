import { excerpt, normaliseForSearch as normalise, opening, type DocumentDoc, type NoticeDoc, type SearchHit } from '@kumiai/shared';

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
    scored.push({ hit: { kind: 'notice', id: n.id, title: n.title, snippet: excerpt(n.body, q, { markdown: true }) || opening(n.body, 80, { markdown: true }) }, inTitle, at: n.publishAt });
  }
  for (const d of documents) {
    if (d.kind !== 'document') continue;
    const inTitle = normalise(d.title).includes(q);
    if (!inTitle && !normalise(d.description).includes(q)) continue;
    scored.push({ hit: { kind: 'document', id: d.id, title: d.title, snippet: excerpt(d.description, q, { markdown: true }) || opening(d.description, 80, { markdown: true }) }, inTitle, at: d.updatedAt });
  }
  return scored.sort((a, b) => Number(b.inTitle) - Number(a.inTitle) || b.at - a.at).map((s) => s.hit);
}
