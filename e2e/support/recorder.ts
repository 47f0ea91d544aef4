import fs from 'node:fs/promises';
import type { BrowserContext, Page, TestInfo } from '@playwright/test';

/**
 * What the app's pages said (console) and what went over their sync sockets,
 * kept per test and attached to the report only when the test fails: a sync
 * stall is then readable from the frames instead of guessed at.
 */
const lines: string[] = [];
const started = Date.now();
const MAX_FRAME = 600;

function line(tag: string, text: string): void {
  lines.push(`${((Date.now() - started) / 1000).toFixed(3)} ${tag} ${text.length > MAX_FRAME ? `${text.slice(0, MAX_FRAME)}…(${text.length})` : text}`);
}

/** Records every page of `context`, present and future. */
export function record(context: BrowserContext, name: string): void {
  const watch = (page: Page): void => {
    const tag = `[${name}#${context.pages().indexOf(page)}]`;
    page.on('console', (msg) => line(tag, `console.${msg.type()}: ${msg.text()}`));
    page.on('pageerror', (err) => line(tag, `pageerror: ${err.message}`));
    page.on('framenavigated', (frame) => frame === page.mainFrame() && line(tag, `navigated ${frame.url()}`));
    page.on('websocket', (ws) => {
      line(tag, `ws open ${ws.url()}`);
      ws.on('framesent', (f) => line(tag, `ws > ${String(f.payload)}`));
      ws.on('framereceived', (f) => line(tag, `ws < ${String(f.payload)}`));
      ws.on('close', () => line(tag, 'ws closed'));
    });
  };
  context.pages().forEach(watch);
  context.on('page', watch);
}

/** Attaches what was recorded when the test did not pass, then starts over for the next test. */
export async function attachRecording(testInfo: TestInfo): Promise<void> {
  if (testInfo.status !== testInfo.expectedStatus && lines.length > 0) {
    const file = testInfo.outputPath('pages-and-sync-frames.txt');
    await fs.writeFile(file, lines.join('\n'));
    await testInfo.attach('pages-and-sync-frames', { path: file, contentType: 'text/plain' });
  }
  lines.length = 0;
}
