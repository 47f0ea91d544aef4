import { Worker } from 'node:worker_threads';

export interface PdfLimits {
  /** Wall-clock time one PDF may take before its worker is terminated. */
  timeoutMs: number;
  /**
   * The worker's V8 heap limit, and also how far the process's RSS may grow
   * while it runs: pdf.js inflates streams into ArrayBuffers, which live
   * outside the V8 heap that `resourceLimits` bounds.
   */
  memoryMb: number;
}

/** Enough for any bylaw or minutes; a huge PDF is indexed by its beginning. */
export const MAX_CHARS = 1_000_000;
const MAX_PAGES = 2_000;
/** How often the memory watchdog looks at the process's RSS. */
const WATCH_MS = 25;

export const DEFAULT_PDF_LIMITS: PdfLimits = { timeoutMs: 30_000, memoryMb: 256 };

export type PdfTextResult = { text: string } | { error: string };

/**
 * The text of a PDF, via pdf.js (unpdf's serverless build) in a worker thread
 * of its own, so a hostile PDF (a stream that inflates to gigabytes, a content
 * stream that takes minutes to parse) never blocks the event loop: the worker
 * is terminated when it runs past `timeoutMs`, when its heap passes
 * `memoryMb`, or when the process grows by more than `memoryMb` while it runs.
 * Never throws: a PDF that cannot be read gives `{ error }`.
 */
export function extractPdfText(body: Buffer, limits: PdfLimits = DEFAULT_PDF_LIMITS): Promise<PdfTextResult> {
  return new Promise((resolve) => {
    const baseline = process.memoryUsage.rss();
    const worker = new Worker(new URL('./pdf-worker.mjs', import.meta.url), {
      workerData: { body: new Uint8Array(body), maxChars: MAX_CHARS, maxPages: MAX_PAGES },
      resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb, maxYoungGenerationSizeMb: 16, stackSizeMb: 4 },
      stdout: true,
      stderr: true,
    });
    // A stopping server does not wait for an extraction.
    worker.unref();
    let done = false;
    const finish = (result: PdfTextResult) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      clearInterval(watchdog);
      resolve(result);
      void worker.terminate();
    };
    const timer = setTimeout(() => finish({ error: `extraction took longer than ${limits.timeoutMs} ms` }), limits.timeoutMs);
    const watchdog = setInterval(() => {
      if (process.memoryUsage.rss() - baseline > limits.memoryMb * 1024 * 1024) finish({ error: `extraction used more than ${limits.memoryMb} MB` });
    }, WATCH_MS);
    worker.on('message', (message: PdfTextResult) => finish(message));
    worker.on('error', (error) => finish({ error: error.message.slice(0, 500) }));
    worker.on('exit', () => finish({ error: 'the extraction worker stopped' }));
  });
}
