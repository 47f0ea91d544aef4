import { test as base } from '@playwright/test';
import { startServer, type RunningServer } from './server.ts';

/** Each test gets its own real server on a fresh SQLite database. */
export const test = base.extend<{ server: RunningServer }>({
  server: async ({}, use) => {
    const server = await startServer();
    await use(server);
    await server.stop();
  },
  baseURL: async ({ server }, use) => {
    await use(server.url);
  },
});

export { expect } from '@playwright/test';
