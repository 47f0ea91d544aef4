import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../e2e/support/server.ts';
import { openDatabase } from '../../src/db/database.ts';
import { createBackup, listBackups, readManifest } from '../../src/ops/backup.ts';
import { tempDir } from '../helpers.ts';

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('backups under stress', () => {
  it('killed midway: leaves the earlier backups intact, and the next backup succeeds and clears its leftovers', async () => {
    const dataDir = tempDir();
    dirs.push(dataDir);
    const backups = path.join(dataDir, 'backups');
    const db = openDatabase(dataDir);
    // Big enough (about 48 MB) that the copy takes a while.
    db.exec('CREATE TABLE filler (b BLOB)');
    const put = db.prepare('INSERT INTO filler (b) VALUES (?)');
    db.transaction(() => {
      for (let i = 0; i < 3000; i++) put.run(randomBytes(16 * 1024));
    })();
    const first = await createBackup(db, { dataDir, dir: backups, now: new Date('2026-11-25T03:00:00Z') });
    const firstHash = sha256(path.join(backups, first.file));
    db.close();

    const child = spawn('node', ['--import', 'tsx', 'server/src/cli/main.ts', 'backup'], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH, KUMIAI_DATA_DIR: dataDir },
      stdio: 'ignore',
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    // Kill it the moment its temporary files appear: mid-copy.
    for (;;) {
      if (fs.readdirSync(backups).some((n) => n.startsWith('.tmp-'))) break;
      if (child.exitCode !== null) throw new Error('the backup finished before it could be killed');
      await new Promise((r) => setTimeout(r, 2));
    }
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    expect(fs.readdirSync(backups).some((n) => n.startsWith('.tmp-'))).toBe(true);
    expect((await listBackups(backups)).map((b) => b.file)).toEqual([first.file]);
    expect(sha256(path.join(backups, first.file))).toBe(firstHash);
    expect((await readManifest(path.join(backups, first.file))).integrity).toBe('ok');

    const again = openDatabase(dataDir);
    const next = await createBackup(again, { dataDir, dir: backups, now: new Date('2026-11-26T03:00:00Z') });
    again.close();
    expect(next.integrity).toBe('ok');
    expect(fs.readdirSync(backups).filter((n) => !n.startsWith('.kumiai-backups')).sort()).toEqual([first.file, next.file].sort());
    expect(sha256(path.join(backups, first.file))).toBe(firstHash);
  });

  it('finishes while another process keeps writing (the copy restarts once, then completes in one step), consistent', async () => {
    const dataDir = tempDir();
    dirs.push(dataDir);
    const db = openDatabase(dataDir);
    db.exec('CREATE TABLE filler (b BLOB)');
    const put = db.prepare('INSERT INTO filler (b) VALUES (?)');
    db.transaction(() => {
      for (let i = 0; i < 1000; i++) put.run(randomBytes(8 * 1024));
    })();
    // Another connection, as the server is to the CLI: each of its commits restarts SQLite's backup.
    const other = openDatabase(dataDir);
    const write = other.prepare('INSERT INTO filler (b) VALUES (?)');
    let n = 0;
    const writer = setInterval(() => {
      write.run(Buffer.from(`w${n++}`));
    }, 1);
    try {
      const record = await createBackup(db, { dataDir, dir: path.join(dataDir, 'backups') });
      expect(record.integrity).toBe('ok');
      expect(n).toBeGreaterThan(0);
    } finally {
      clearInterval(writer);
      other.close();
      db.close();
    }
    const manifest = await readManifest(path.join(dataDir, 'backups', (await listBackups(path.join(dataDir, 'backups')))[0]!.file));
    expect(manifest.integrity).toBe('ok');
  }, 20_000);
});
