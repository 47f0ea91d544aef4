import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, vi } from 'vitest';
import { buildApp } from '../src/app.ts';
import { loadConfig, type Config } from '../src/config.ts';
import { openDatabase, type Db } from '../src/db/database.ts';
import { ManualClock } from '../src/lib/clock.ts';
import type { AnyRegistration } from '../src/sync/registry.ts';

export function tempDir(prefix = 'kumiai-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * For tests of `pnpm kumiai`: each test gets its own data directory (KUMIAI_DATA_DIR, removed after)
 * and a cheap password hash, and what the CLI prints is kept in `out` instead of the terminal.
 */
export function cliSandbox(): { readonly dataDir: string; readonly out: string[] } {
  const state = { dataDir: '', out: [] as string[] };
  beforeEach(() => {
    state.dataDir = tempDir();
    vi.stubEnv('KUMIAI_DATA_DIR', state.dataDir);
    vi.stubEnv('KUMIAI_SCRYPT_LOG_N', '10');
    state.out = [];
    vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void state.out.push(args.join(' ')));
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void state.out.push(args.join(' ')));
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
    fs.rmSync(state.dataDir, { recursive: true, force: true });
  });
  return state;
}

/** A writable that keeps every log line, to assert what logs never contain. */
export function logCapture(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk.toString('utf8'));
      done();
    },
  });
  return { stream, text: () => chunks.join('') };
}

type Built = Awaited<ReturnType<typeof buildApp>>;

export interface TestServer {
  app: Built['app'];
  setup: Built['setup'];
  services: Built['services'];
  routes: Built['routes'];
  jobs: Built['jobs'];
  hub: Built['hub'];
  ops: Built['ops'];
  db: Db;
  clock: ManualClock;
  config: Config;
  logs: () => string;
  close: () => Promise<void>;
}

/** The real app on a real SQLite file in a temporary folder, with a manual clock. */
export async function startTestServer(
  env: Record<string, string> = {},
  options: { dataDir?: string; keepData?: boolean; collections?: readonly AnyRegistration[] } = {},
): Promise<TestServer> {
  const dataDir = options.dataDir ?? tempDir();
  const config = loadConfig({ KUMIAI_DATA_DIR: dataDir, KUMIAI_SCRYPT_LOG_N: '10', KUMIAI_CLIENT_DIR: path.join(dataDir, 'no-client'), ...env });
  const db = openDatabase(config.dataDir);
  const clock = new ManualClock();
  const capture = logCapture();
  const { app, setup, services, routes, jobs, hub, ops } = await buildApp({ config, db, clock, collections: options.collections, logger: { level: 'debug', stream: capture.stream } });
  await app.ready();
  return {
    app,
    setup,
    services,
    routes,
    jobs,
    hub,
    ops,
    db,
    clock,
    config,
    logs: capture.text,
    close: async () => {
      await app.close();
      db.close();
      if (!options.keepData) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
