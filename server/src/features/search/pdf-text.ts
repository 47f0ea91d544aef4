import { extractText, getDocumentProxy } from 'unpdf';

/** Enough for any bylaw or minutes; a huge PDF is indexed by its beginning. */
const MAX_CHARS = 1_000_000;

/**
 * The text of a PDF, via pdf.js (unpdf's serverless build: no canvas, no
 * worker thread needed in Node). Japanese text comes back through the fonts'
 * ToUnicode maps; scanned PDFs (images only) yield nothing, as expected.
 */
export async function pdfText(body: Buffer): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(body.buffer, body.byteOffset, body.byteLength).slice());
  try {
    const { text } = await extractText(pdf, { mergePages: true });
    return text.normalize('NFKC').slice(0, MAX_CHARS);
  } finally {
    // Frees the document on the (in-process) worker side too.
    await pdf.loadingTask.destroy();
  }
}
