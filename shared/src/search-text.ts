import type { Nodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';

/**
 * What a reader sees of a Markdown text, as one line: headings, emphasis,
 * links and lists give their words, not their marks (`#`, `**`, `[…](url)`);
 * an image gives its alt text; raw HTML gives nothing. Blocks are separated by
 * a space, and every run of white space becomes one.
 */
export function markdownToPlainText(markdown: string): string {
  const words: string[] = [];
  const visit = (node: Nodes): void => {
    if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') {
      words.push(node.value);
      return;
    }
    if (node.type === 'image') {
      words.push(node.alt ?? '');
      return;
    }
    if (node.type === 'html') return;
    if (node.type === 'break' || node.type === 'thematicBreak') {
      words.push(' ');
      return;
    }
    if ('children' in node) {
      for (const child of node.children) visit(child);
      // A block ends a sentence-sized unit: keep its last word apart from the next block's first.
      if (node.type !== 'root' && !isInline(node)) words.push(' ');
    }
  };
  visit(fromMarkdown(markdown));
  return words.join('').replace(/\s+/gu, ' ').trim();
}

function isInline(node: Nodes): boolean {
  return node.type === 'emphasis' || node.type === 'strong' || node.type === 'delete' || node.type === 'link' || node.type === 'linkReference';
}

/** NFKC (full-width letters and digits, half-width kana fold together), lower case: how search compares text. */
export function normaliseForSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** Lower case when that keeps every position (it does for Japanese and nearly all text; not for e.g. 'İ'), so indexes found in it cut the original. */
function folded(text: string): string {
  const lower = text.toLowerCase();
  return lower.length === text.length ? lower : text;
}

/**
 * A short plain-text excerpt of `text` around the first occurrence of `term`
 * (compared as `normaliseForSearch` does), with … where it is cut; '' when the
 * term does not occur. Markdown is read as its words first, so no mark shows.
 */
export function excerpt(text: string, term: string, { before = 30, after = 60, markdown = false }: { before?: number; after?: number; markdown?: boolean } = {}): string {
  const flat = (markdown ? markdownToPlainText(text) : text).normalize('NFKC').replace(/\s+/gu, ' ').trim();
  const wanted = normaliseForSearch(term);
  if (wanted === '') return '';
  const at = folded(flat).indexOf(wanted);
  if (at < 0) return '';
  const start = Math.max(0, at - before);
  const end = Math.min(flat.length, at + wanted.length + after);
  return `${start > 0 ? '…' : ''}${flat.slice(start, end).trim()}${end < flat.length ? '…' : ''}`;
}

/** The opening of a text as plain words (for a hit whose match is not in the text shown), cut at `length` with …. */
export function opening(text: string, length = 80, { markdown = false }: { markdown?: boolean } = {}): string {
  const flat = (markdown ? markdownToPlainText(text) : text).replace(/\s+/gu, ' ').trim();
  return flat.length > length ? `${flat.slice(0, length)}…` : flat;
}

/**
 * A snippet cut into the parts to show plainly and the parts that match the
 * query (to be marked), compared as search compares. The parts joined give the snippet back.
 */
export function highlightParts(snippet: string, query: string): { text: string; match: boolean }[] {
  const wanted = normaliseForSearch(query.trim());
  if (wanted === '') return [{ text: snippet, match: false }];
  // Index by index on the NFKC form: the snippet is already NFKC (excerpt), so positions line up.
  const haystack = folded(snippet);
  const parts: { text: string; match: boolean }[] = [];
  let from = 0;
  for (let at = haystack.indexOf(wanted); at >= 0 && wanted.length > 0; at = haystack.indexOf(wanted, at + wanted.length)) {
    if (at > from) parts.push({ text: snippet.slice(from, at), match: false });
    parts.push({ text: snippet.slice(at, at + wanted.length), match: true });
    from = at + wanted.length;
  }
  if (from < snippet.length) parts.push({ text: snippet.slice(from), match: false });
  return parts;
}
