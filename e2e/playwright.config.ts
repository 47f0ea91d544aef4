import fs from 'node:fs';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

// Debian's chromium (or KUMIAI_CHROMIUM); Playwright's own browser download cannot work here.
const executablePath = process.env.KUMIAI_CHROMIUM || '/usr/bin/chromium';
if (!fs.existsSync(executablePath)) {
  throw new Error(`No browser at ${executablePath}: install Debian's chromium (npm test does) or set KUMIAI_CHROMIUM`);
}
if (!fs.existsSync(path.join(import.meta.dirname, '../client/dist/index.html'))) {
  throw new Error('The app is not built: run `pnpm build` first (npm test does)');
}

export default defineConfig({
  testDir: './tests',
  fullyParallel: false,
  workers: 2,
  // One retry in CI only, so a timing hiccup on a loaded 2-core runner does not block a landing;
  // scripts/summary.mjs still reports every flaky test by name in its e2e line.
  retries: process.env.CI ? 1 : 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  outputDir: '../.reports/e2e-results',
  use: {
    browserName: 'chromium',
    viewport: { width: 390, height: 844 },
    locale: 'ja-JP',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath,
      // Without the background-networking flags Chromium floods the closed network.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-dev-shm-usage',
      ],
    },
  },
});
