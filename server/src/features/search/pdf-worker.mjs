// The PDF text extractor's worker thread. Plain JavaScript on purpose: it is
// started with `new Worker(url)` both by the server (run with tsx) and by the
// tests (run by vitest), and a worker thread does not inherit a TypeScript
// loader. It gets one PDF, answers `{ text }` or `{ error }` once, and is
// terminated by the main thread when it takes too long or grows too big.
import { createRequire } from 'node:module';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { getDocumentProxy } from 'unpdf';

/**
 * pdf.js's CMap files (from pdfjs-dist, read from disk): a PDF whose CJK font is not embedded names a
 * predefined CMap (UniJIS-UTF16-H, 90ms-RKSJ-H, …) instead of carrying one, as our own minutes and
 * bylaw PDFs do (lib/text-pdf.ts); without these its text comes out empty.
 */
const cMapUrl = `${path.join(path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'cmaps')}${path.sep}`;

/** @param {{ body: Uint8Array; maxChars: number; maxPages: number }} input */
async function extract({ body, maxChars, maxPages }) {
  const pdf = await getDocumentProxy(body, { cMapUrl, cMapPacked: true });
  const pages = [];
  let length = 0;
  // Page by page, stopping at the text cap: a huge PDF is indexed by its beginning.
  for (let n = 1; n <= Math.min(pdf.numPages, maxPages) && length < maxChars; n += 1) {
    const content = await (await pdf.getPage(n)).getTextContent();
    const text = content.items
      .filter((item) => 'str' in item && item.str !== undefined && item.str !== null)
      .map((item) => item.str + (item.hasEOL ? '\n' : ''))
      .join('');
    pages.push(text);
    length += text.length;
  }
  // The same whitespace rules as unpdf's extractText({ mergePages: true }).
  const merged = pages.join('\n').replace(/[^\S\n]+/g, ' ').replace(/ ?\n ?/g, '\n').replace(/\n{3,}/g, '\n\n');
  return merged.normalize('NFKC').slice(0, maxChars);
}

extract(workerData)
  .then((text) => parentPort?.postMessage({ text }))
  .catch((error) => parentPort?.postMessage({ error: error instanceof Error ? error.message.slice(0, 500) : 'unreadable' }));
