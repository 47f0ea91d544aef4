import { test as base } from '@playwright/test';
import { attachRecording, record } from './recorder.ts';
import { startServer, type RunningServer } from './server.ts';

/** Each test gets its own real server on a fresh SQLite database. */
export const test = base.extend<{ server: RunningServer }>({
  // Playwright requires the destructuring pattern even when a fixture uses no other fixture.
  // eslint-disable-next-line no-empty-pattern
  server: async ({}, use, testInfo) => {
    const server = await startServer();
    await use(server);
    await server.stop();
    await attachRecording(testInfo);
  },
  baseURL: async ({ server }, use) => {
    await use(server.url);
  },
  context: async ({ context }, use) => {
    record(context, 'main');
    await use(context);
  },
});

export { expect } from '@playwright/test';
