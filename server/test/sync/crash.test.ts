import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, startServer } from '../../../e2e/support/server.ts';
import { openDatabase } from '../../src/db/database.ts';
import { tempDir } from '../helpers.ts';
import { RawClient } from './support.ts';

function cli(dataDir: string, args: string[]): string {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'server/src/cli/main.ts', ...args], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH, KUMIAI_DATA_DIR: dataDir, KUMIAI_SCRYPT_LOG_N: '10' },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`kumiai ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout.trim();
}

describe('durability', () => {
  it('every acknowledged write is present after the server is killed with SIGKILL mid-stream', async () => {
    const dataDir = tempDir();
    fs.writeFileSync(path.join(dataDir, 'pw'), 'a long admin passphrase');
    cli(dataDir, ['setup', '--union', '組合', '--admin', '1', '--password-file', path.join(dataDir, 'pw')]);
    const token = cli(dataDir, ['token', 'create', '--employee-number', '1']);
    const server = await startServer({ KUMIAI_LOG_LEVEL: 'error' }, { dataDir });
    const client = await RawClient.open(`ws://127.0.0.1:${server.port}/api/sync`, { token });
    let master = [...(await client.pullAll('members')).docs.values()][0]!;
    let acked = -1;
    let sent = -1;
    // Push one write after another; kill the process while they stream.
    const killAt = 40 + Math.floor(Math.random() * 40);
    for (let i = 0; i < 200; i++) {
      const next = { ...master, phone: `write-${i}` };
      sent = i;
      // The kill races this write: it may commit or not, but is acknowledged only if it did.
      if (i === killAt) server.process.kill('SIGKILL');
      const reply = await client.request('members', 'masterWrite', [[{ assumedMasterState: master, newDocumentState: next }]]);
      if (reply.error || (reply.result as unknown[]).length > 0 || reply.rejected) break;
      acked = i;
      master = next;
    }
    await server.stop('SIGKILL');
    client.close();
    expect(acked).toBeGreaterThanOrEqual(killAt - 1);
    expect(sent).toBeGreaterThanOrEqual(killAt);

    // Restart on the same data: the last acknowledged write (or the one in flight) is there.
    const restarted = await startServer({ KUMIAI_LOG_LEVEL: 'error' }, { dataDir });
    await restarted.stop();
    const db = openDatabase(dataDir);
    const phone = db.prepare("SELECT phone FROM members WHERE employee_number = '1'").pluck().get() as string;
    db.close();
    const stored = Number(phone.replace('write-', ''));
    expect(stored).toBeGreaterThanOrEqual(acked);
    expect(stored).toBeLessThanOrEqual(sent);
  }, 60_000);
});
