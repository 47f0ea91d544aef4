import { defineConfig } from '@playwright/test';
import base from './playwright.config.ts';

/**
 * The README's screenshots (docs/screenshots/), not a test suite: `pnpm screenshots`
 * (or `pnpm exec playwright test -c e2e/screenshots.config.ts` after `pnpm build`).
 */
export default defineConfig({ ...base, testDir: './screenshots', workers: 1, retries: 0, timeout: 180_000 });
