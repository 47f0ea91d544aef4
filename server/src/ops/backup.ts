import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { Encrypter } from 'age-encryption';
import { Worker } from 'node:worker_threads';
import type { Db } from '../db/database.ts';
import { type TarPart, TarWriter, readTarEntries, readTarEntry } from './tar.ts';

/**
 * Online backups: one file per backup (`kumiai-2026-11-26T0300.tar`, or
 * `.tar.age` encrypted to KUMIAI_BACKUP_AGE_RECIPIENT) holding the database,
 * the uploaded files it refers to and a manifest. The database is copied with
 * SQLite's online backup API (better-sqlite3's `db.backup()`: page by page,
 * consistent, while the server keeps writing), never as a file copy, and the
 * copy is checked with `PRAGMA integrity_check` before it is packed. Every
 * file is written under a temporary name and renamed when complete, so a crash
 * (SIGKILL) mid-backup leaves the earlier backups as they were; leftovers are
 * removed by the next backup.
 */

export const MANIFEST_FORMAT = 'kumiai-backup/1';
export const DB_PART = 'kumiai.sqlite';
export const MANIFEST_PART = 'manifest.json';
const INDEX = '.kumiai-backups.json';
const NAME = /^kumiai-(\d{4}-\d{2}-\d{2}T\d{4})(?:-(\d+))?\.tar(\.age)?$/;

export interface Manifest {
  format: typeof MANIFEST_FORMAT;
  /** When the database was copied (ISO 8601). */
  createdAt: string;
  /** The last migration applied to the copy. */
  schemaVersion: string;
  sync: { seq: number; epoch: string };
  /** `PRAGMA integrity_check` on the copy. */
  integrity: 'ok';
  /** Every part but the manifest, with its SHA-256. */
  parts: TarPart[];
  /** Uploads the database lists whose file was missing from the data dir. */
  missingUploads: string[];
}

export interface BackupRecord {
  file: string;
  createdAt: string;
  size: number;
  encrypted: boolean;
  integrity: string;
  seq: number;
}

export interface BackupOptions {
  dataDir: string;
  dir: string;
  /** An age public key (`age1…`); the backup is then `.tar.age`. */
  ageRecipient?: string | null;
  now?: Date;
}

function stamp(date: Date): string {
  const iso = date.toISOString();
  return `${iso.slice(0, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}`;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes `.tmp-<pid>-…` files left by a backup whose process died (a live one may still be writing its own). */
async function removeLeftovers(dir: string): Promise<void> {
  for (const name of await fsp.readdir(dir)) {
    const match = /^\.tmp-(\d+)-/.exec(name);
    if (match && (Number(match[1]) === process.pid ? false : !processAlive(Number(match[1])))) await fsp.rm(path.join(dir, name), { force: true });
  }
}

function readIndex(dir: string): Record<string, BackupRecord> {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, INDEX), 'utf8')) as Record<string, BackupRecord>;
  } catch {
    return {};
  }
}

function writeIndex(dir: string, index: Record<string, BackupRecord>): void {
  const tmp = path.join(dir, `.tmp-${process.pid}-index`);
  fs.writeFileSync(tmp, JSON.stringify(index, null, 1), { mode: 0o600 });
  fs.renameSync(tmp, path.join(dir, INDEX));
}

async function syncDir(dir: string): Promise<void> {
  const handle = await fsp.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Makes one backup now; returns its record. Throws (leaving nothing behind) when the copy fails its check. */
export async function createBackup(db: Db, options: BackupOptions): Promise<BackupRecord> {
  const now = options.now ?? new Date();
  await fsp.mkdir(options.dir, { recursive: true, mode: 0o700 });
  await removeLeftovers(options.dir);
  const encrypted = Boolean(options.ageRecipient);
  let name = `kumiai-${stamp(now)}.tar${encrypted ? '.age' : ''}`;
  for (let n = 2; fs.existsSync(path.join(options.dir, name)); n++) name = `kumiai-${stamp(now)}-${n}.tar${encrypted ? '.age' : ''}`;
  const tmp = (suffix: string) => path.join(options.dir, `.tmp-${process.pid}-${name}${suffix}`);
  const tmpDb = tmp('.sqlite');
  const tmpTar = tmp('.tar');
  const tmpAge = tmp('.age');
  try {
    // SQLite's online backup: consistent while the server writes (same connection: its writes go into the copy).
    // A write by another process (the CLI, or the server while the CLI backs up) restarts the copy; after a
    // restart the rest is copied in one step, so a steady stream of writes can never keep it from finishing.
    let remaining = Number.POSITIVE_INFINITY;
    await db.backup(tmpDb, {
      progress: ({ totalPages, remainingPages }) => {
        const restarted = remainingPages > remaining;
        remaining = remainingPages;
        return restarted ? totalPages : 256;
      },
    });
    // Checked in a worker thread: the server's event loop stays free while every page is read.
    const checked = await checkCopy(tmpDb);
    if (checked.integrity !== 'ok') throw new Error(`the backup copy failed its integrity check: ${checked.integrity}`);
    const manifest: Omit<Manifest, 'parts' | 'missingUploads'> = {
      format: MANIFEST_FORMAT,
      createdAt: now.toISOString(),
      schemaVersion: checked.schemaVersion,
      sync: { seq: checked.seq, epoch: checked.epoch },
      integrity: 'ok',
    };
    const uploads = checked.uploads;
    const tar = await TarWriter.create(tmpTar);
    const parts: TarPart[] = [];
    const missingUploads: string[] = [];
    try {
      const mtime = now.getTime() / 1000;
      parts.push(await tar.addFile(DB_PART, tmpDb));
      // Uploads are content-addressed and never rewritten: the files the copy lists are exactly the ones to keep.
      for (const hash of uploads) {
        const source = path.join(options.dataDir, 'uploads', hash.slice(0, 2), hash);
        if (!/^[0-9a-f]{64}$/.test(hash) || !fs.existsSync(source)) missingUploads.push(hash);
        else parts.push(await tar.addFile(`uploads/${hash.slice(0, 2)}/${hash}`, source));
      }
      await tar.addBuffer(MANIFEST_PART, Buffer.from(JSON.stringify({ ...manifest, parts, missingUploads }, null, 1)), mtime);
      await tar.finish();
    } catch (error) {
      await tar.abort();
      throw error;
    }
    let written = tmpTar;
    if (options.ageRecipient) {
      await encryptFile(tmpTar, tmpAge, options.ageRecipient);
      await fsp.rm(tmpTar);
      written = tmpAge;
    }
    await fsp.rename(written, path.join(options.dir, name));
    await syncDir(options.dir);
    const record: BackupRecord = { file: name, createdAt: manifest.createdAt, size: (await fsp.stat(path.join(options.dir, name))).size, encrypted, integrity: 'ok', seq: manifest.sync.seq };
    writeIndex(options.dir, { ...readIndex(options.dir), [name]: record });
    return record;
  } finally {
    for (const file of [tmpDb, `${tmpDb}-wal`, `${tmpDb}-shm`, tmpTar, tmpAge]) await fsp.rm(file, { force: true });
  }
}

interface CopyCheck {
  integrity: string;
  seq: number;
  epoch: string;
  schemaVersion: string;
  uploads: string[];
}

function checkCopy(file: string): Promise<CopyCheck> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./check-worker.mjs', import.meta.url), { workerData: { file } });
    worker.once('message', (answer: CopyCheck | { error: string }) => {
      void worker.terminate();
      if ('error' in answer) reject(new Error(`the backup copy could not be checked: ${answer.error}`));
      else resolve(answer);
    });
    worker.once('error', reject);
  });
}

async function encryptFile(source: string, target: string, recipient: string): Promise<void> {
  const encrypter = new Encrypter();
  encrypter.addRecipient(recipient);
  const input = Readable.toWeb(fs.createReadStream(source)) as unknown as ReadableStream<Uint8Array>;
  const output = await encrypter.encrypt(input);
  const file = fs.createWriteStream(target, { flags: 'wx', mode: 0o600 });
  await pipeline(Readable.fromWeb(output as unknown as WebReadableStream<Uint8Array>), file as Writable);
  const handle = await fsp.open(target, 'r+');
  await handle.sync();
  await handle.close();
}

/** The backups in a directory, newest first, with what their creation recorded (or read from a plain tar's manifest). */
export async function listBackups(dir: string): Promise<BackupRecord[]> {
  if (!fs.existsSync(dir)) return [];
  const index = readIndex(dir);
  const records: BackupRecord[] = [];
  for (const file of await fsp.readdir(dir)) {
    if (!NAME.test(file)) continue;
    const size = (await fsp.stat(path.join(dir, file))).size;
    const known = index[file];
    if (known) {
      records.push({ ...known, size });
      continue;
    }
    const encrypted = file.endsWith('.age');
    let record: BackupRecord = { file, createdAt: '', size, encrypted, integrity: encrypted ? 'unknown (encrypted)' : 'unreadable', seq: 0 };
    if (!encrypted) {
      try {
        const manifest = await readManifest(path.join(dir, file));
        record = { ...record, createdAt: manifest.createdAt, integrity: manifest.integrity, seq: manifest.sync.seq };
      } catch {
        // listed as unreadable
      }
    }
    records.push(record);
  }
  return records.sort((a, b) => b.file.localeCompare(a.file));
}

export async function readManifest(tarFile: string): Promise<Manifest> {
  const entry = (await readTarEntries(tarFile)).find((e) => e.name === MANIFEST_PART);
  if (!entry) throw new Error('no manifest in this backup');
  const manifest = JSON.parse((await readTarEntry(tarFile, entry)).toString('utf8')) as Manifest;
  if (manifest.format !== MANIFEST_FORMAT) throw new Error(`unknown backup format ${String(manifest.format)}`);
  return manifest;
}

/** Age of the newest backup with a good check, in seconds (null: none). */
export async function lastGoodBackupAgeSeconds(dir: string, now = Date.now()): Promise<number | null> {
  const good = (await listBackups(dir)).filter((b) => b.integrity === 'ok' && b.createdAt);
  if (good.length === 0) return null;
  return Math.max(0, Math.round((now - Math.max(...good.map((b) => Date.parse(b.createdAt)))) / 1000));
}

export interface Retention {
  daily: number;
  weekly: number;
  monthly: number;
}
export const DEFAULT_RETENTION: Retention = { daily: 7, weekly: 4, monthly: 12 };

/** ISO week key (year-week) of a date, in UTC. */
function weekKey(date: Date): string {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  return `${d.getUTCFullYear()}-W${Math.ceil(((d.getTime() - yearStart) / 86400000 + 1) / 7)}`;
}

/**
 * Which backups to keep: the newest of each of the last `daily` days, of the
 * last `weekly` ISO weeks and of the last `monthly` months (grandfather-father-son).
 * Everything else is to delete. Pure: the scheduler and a test call it.
 */
export function backupsToDelete(backups: readonly { file: string; createdAt: string }[], retention: Retention = DEFAULT_RETENTION): string[] {
  const newestFirst = [...backups].filter((b) => b.createdAt).sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
  const keep = new Set<string>();
  const bucket = (key: (d: Date) => string, count: number) => {
    const seen = new Set<string>();
    for (const b of newestFirst) {
      const k = key(new Date(b.createdAt));
      if (seen.has(k)) continue;
      if (seen.size >= count) break;
      seen.add(k);
      keep.add(b.file);
    }
  };
  bucket((d) => d.toISOString().slice(0, 10), retention.daily);
  bucket(weekKey, retention.weekly);
  bucket((d) => d.toISOString().slice(0, 7), retention.monthly);
  return newestFirst.filter((b) => !keep.has(b.file)).map((b) => b.file);
}

/** Applies the retention rule to a backup directory; returns the files deleted. */
export async function pruneBackups(dir: string, retention: Retention = DEFAULT_RETENTION): Promise<string[]> {
  const doomed = backupsToDelete(await listBackups(dir), retention);
  if (doomed.length === 0) return [];
  for (const file of doomed) await fsp.rm(path.join(dir, file), { force: true });
  const index = readIndex(dir);
  for (const file of doomed) delete index[file];
  writeIndex(dir, index);
  return doomed;
}
