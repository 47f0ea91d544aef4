import { excerpt, normaliseForSearch as normalise, opening, type DocumentDoc, type NoticeDoc, type SearchHit } from '@kumiai/shared';

interface Text {
  title: string;
  body: string;
}

/**
 * The text of a notice or document that matches (the Japanese first, then the English when
 * there is some), and whether the query is in its title; null when neither matches.
 */
function matching(q: string, texts: readonly Text[]): { text: Text; inTitle: boolean } | null {
  for (const text of texts) {
    const inTitle = normalise(text.title).includes(q);
    if (inTitle || normalise(text.body).includes(q)) return { text, inTitle };
  }
  return null;
}

function english(title: string | null | undefined, body: string | null | undefined, ja: Text): Text[] {
  return title || body ? [{ title: title || ja.title, body: body ?? '' }] : [];
}

/**
 * The offline search: the published notices and the documents on the device
 * whose title, body or description contains the query (NFKC-normalised, case
 * folded), in Japanese or in their English. Titles first, then newest first. A
 * hit found only in the English shows the English title. The text inside PDFs
 * is the server's alone, so it is not searched here.
 */
export function searchOnDevice(query: string, notices: readonly NoticeDoc[], documents: readonly DocumentDoc[]): SearchHit[] {
  const q = normalise(query.trim());
  if (!q) return [];
  const scored: { hit: SearchHit; inTitle: boolean; at: number }[] = [];
  const snippet = (body: string) => excerpt(body, q, { markdown: true }) || opening(body, 80, { markdown: true });
  for (const n of notices) {
    if (n.status !== 'published') continue;
    const ja = { title: n.title, body: n.body };
    const found = matching(q, [ja, ...english(n.titleEn, n.bodyEn, ja)]);
    if (found) scored.push({ hit: { kind: 'notice', id: n.id, title: found.text.title, snippet: snippet(found.text.body) }, inTitle: found.inTitle, at: n.publishAt });
  }
  for (const d of documents) {
    if (d.kind !== 'document') continue;
    const ja = { title: d.title, body: d.description };
    const found = matching(q, [ja, ...english(d.titleEn, d.descriptionEn, ja)]);
    if (found) scored.push({ hit: { kind: 'document', id: d.id, title: found.text.title, snippet: snippet(found.text.body) }, inTitle: found.inTitle, at: d.updatedAt });
  }
  return scored.sort((a, b) => Number(b.inTitle) - Number(a.inTitle) || b.at - a.at).map((s) => s.hit);
}
