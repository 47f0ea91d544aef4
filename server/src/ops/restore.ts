import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { Decrypter } from 'age-encryption';
import Database from 'better-sqlite3';
import { DEFAULT_MIGRATIONS_DIR, openDatabase } from '../db/database.ts';
import { readMigrations } from '../db/migrate.ts';
import { DB_PART, MANIFEST_PART, type Manifest, readManifest } from './backup.ts';
import { runningServerPid } from './server-lock.ts';
import { extractTarEntry, readTarEntries } from './tar.ts';

/**
 * `pnpm kumiai restore FILE`: puts a backup in place of a stopped server's
 * database and uploaded files. Nothing is changed until every part's SHA-256
 * matches the manifest and the database passes `PRAGMA integrity_check`; the
 * replaced database and files are kept aside in `replaced-<time>/`. The
 * restored database gets a new sync epoch, so devices that synced with the
 * replaced one pull everything again and re-send their own writes.
 */

export class RestoreError extends Error {}

export interface RestoreResult {
  manifest: Manifest;
  /** Where the replaced database and uploads were moved (null: there was none). */
  replacedDir: string | null;
  epoch: string;
  /** SHA-256 of each part as extracted (equal to the manifest's, or the restore stops). */
  verified: { name: string; sha256: string }[];
}

async function decryptFile(source: string, target: string, identity: string): Promise<void> {
  const decrypter = new Decrypter();
  decrypter.addIdentity(identity);
  const input = Readable.toWeb(fs.createReadStream(source)) as unknown as ReadableStream<Uint8Array>;
  try {
    const output = await decrypter.decrypt(input);
    await pipeline(Readable.fromWeb(output as unknown as WebReadableStream<Uint8Array>), fs.createWriteStream(target, { flags: 'wx', mode: 0o600 }) as Writable);
  } catch (error) {
    throw new RestoreError(`cannot decrypt ${path.basename(source)} with this identity: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export async function restoreBackup(file: string, dataDir: string, options: { identity?: string | null; now?: Date } = {}): Promise<RestoreResult> {
  const pid = runningServerPid(dataDir);
  if (pid !== null) throw new RestoreError(`the server is running (pid ${pid}) on ${dataDir}: stop it first`);
  if (!fs.existsSync(file)) throw new RestoreError(`no such file: ${file}`);
  await fsp.mkdir(dataDir, { recursive: true, mode: 0o700 });
  const when = (options.now ?? new Date()).toISOString().replace(/[:.]/g, '-');
  const staging = path.join(dataDir, `.restore-${when}`);
  await fsp.mkdir(staging, { mode: 0o700 });
  try {
    let tarFile = file;
    if (file.endsWith('.age')) {
      if (!options.identity) throw new RestoreError('this backup is encrypted: give --identity AGE_KEY_FILE');
      tarFile = path.join(staging, 'backup.tar');
      await decryptFile(file, tarFile, options.identity);
    }
    let manifest: Manifest;
    try {
      manifest = await readManifest(tarFile);
    } catch (error) {
      throw new RestoreError(`not a readable Kumiai backup: ${error instanceof Error ? error.message : String(error)}`);
    }
    const entries = await readTarEntries(tarFile);
    const verified: RestoreResult['verified'] = [];
    for (const part of manifest.parts) {
      const entry = entries.find((e) => e.name === part.name);
      if (!entry || !/^(kumiai\.sqlite|uploads\/[0-9a-f]{2}\/[0-9a-f]{64})$/.test(part.name)) throw new RestoreError(`part ${part.name} is missing or misnamed`);
      const target = path.join(staging, 'data', part.name);
      await fsp.mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
      const sha256 = await extractTarEntry(tarFile, entry, target);
      if (sha256 !== part.sha256) throw new RestoreError(`part ${part.name} does not match the manifest (SHA-256 ${sha256}, expected ${part.sha256})`);
      verified.push({ name: part.name, sha256 });
    }
    if (!entries.some((e) => e.name === MANIFEST_PART) || !verified.some((v) => v.name === DB_PART)) throw new RestoreError('the backup holds no database');
    const stagedDb = path.join(staging, 'data', DB_PART);
    const check = new Database(stagedDb, { readonly: true });
    try {
      const integrity = check.pragma('integrity_check', { simple: true });
      if (integrity !== 'ok') throw new RestoreError(`the backup's database fails its integrity check: ${String(integrity)}`);
      const known = new Set(readMigrations(DEFAULT_MIGRATIONS_DIR).map((m) => m.name));
      const unknown = (check.prepare('SELECT name FROM schema_migrations').pluck().all() as string[]).filter((n) => !known.has(n));
      if (unknown.length > 0) throw new RestoreError(`the backup comes from a newer Kumiai (migration ${unknown[0]}): upgrade this one first`);
    } finally {
      check.close();
    }

    // Verified: keep what is there aside, then move the backup in.
    let replacedDir: string | null = null;
    const current = [DB_PART, `${DB_PART}-wal`, `${DB_PART}-shm`, 'uploads'].filter((n) => fs.existsSync(path.join(dataDir, n)));
    if (current.length > 0) {
      replacedDir = path.join(dataDir, `replaced-${when}`);
      await fsp.mkdir(replacedDir, { mode: 0o700 });
      for (const n of current) await fsp.rename(path.join(dataDir, n), path.join(replacedDir, n));
    }
    await fsp.rename(stagedDb, path.join(dataDir, DB_PART));
    if (fs.existsSync(path.join(staging, 'data', 'uploads'))) await fsp.rename(path.join(staging, 'data', 'uploads'), path.join(dataDir, 'uploads'));

    // A new epoch: devices holding checkpoints of the replaced database start over and re-send their writes.
    const epoch = randomBytes(8).toString('hex');
    const db = openDatabase(dataDir);
    try {
      db.prepare('UPDATE sync_meta SET epoch = ?, restored_from = ?').run(
        epoch,
        JSON.stringify({ at: manifest.createdAt, seq: manifest.sync.seq, epoch: manifest.sync.epoch }),
      );
      db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      db.close();
    }
    return { manifest, replacedDir, epoch, verified };
  } finally {
    await fsp.rm(staging, { recursive: true, force: true });
  }
}
