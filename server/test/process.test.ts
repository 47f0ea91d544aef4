import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, startServer } from '../../e2e/support/server.ts';
import { tempDir } from './helpers.ts';

describe('the server process', () => {
  it('prints a setup link on a fresh database, then shuts down cleanly on SIGTERM', async () => {
    const server = await startServer();
    expect(server.setupLink).toMatch(new RegExp(`^http://localhost:${server.port}/setup#token=[A-Za-z0-9_-]{43}$`));
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await server.stop('SIGTERM')).toBe(0);
    // A clean close checkpoints the WAL into the database file and removes it.
    expect(fs.existsSync(path.join(server.dataDir, 'kumiai.sqlite-wal'))).toBe(false);
    expect(server.output()).not.toMatch(/"level":50/);
  });

  it('refuses to start on a LAN address without HTTPS and says how to fix it', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH, KUMIAI_HOST: '0.0.0.0', KUMIAI_PORT: '0', KUMIAI_DATA_DIR: tempDir() },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(result.status).toBe(78);
    expect(result.stderr).toContain('KUMIAI_TLS_CERT');
    expect(result.stderr).toContain('KUMIAI_ALLOW_INSECURE=1');
  });
});
