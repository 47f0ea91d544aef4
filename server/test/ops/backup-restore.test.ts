import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { generateIdentity, identityToRecipient } from 'age-encryption';
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../src/cli/main.ts';
import { openDatabase } from '../../src/db/database.ts';
import { AuditService } from '../../src/features/audit/audit-service.ts';
import { systemClock } from '../../src/lib/clock.ts';
import { backupsToDelete, createBackup, listBackups, readManifest } from '../../src/ops/backup.ts';
import { RestoreError, restoreBackup } from '../../src/ops/restore.ts';
import { readTarEntries } from '../../src/ops/tar.ts';
import { tempDir } from '../helpers.ts';
import { seedMember, seedOrg, signIn } from '../seed.ts';
import { createForm, submission, write } from '../sync/forms-support.ts';
import { audience, openAs, startSyncServer, type RawClient, type SyncServer } from '../sync/support.ts';

const PDF = (n: number) => Buffer.from(`%PDF-1.4\n% file ${n}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n`);
const sha256 = (buf: Buffer) => createHash('sha256').update(buf).digest('hex');

let server: SyncServer | null = null;
const clients: RawClient[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await server?.close();
  server = null;
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

async function notice(s: SyncServer, headers: Record<string, string>, title: string, n: number): Promise<string> {
  const up = await s.app.inject({ method: 'POST', url: `/api/uploads?name=f${n}.pdf`, headers: { ...headers, 'content-type': 'application/octet-stream' }, payload: PDF(n) });
  expect(up.statusCode, up.body).toBe(201);
  const res = await s.app.inject({ method: 'POST', url: '/api/notices', headers, payload: { title, body: '本文', audience: audience({ all: true }), attachments: [up.json()] } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}

/** A union with members, notices with attachments and submissions, on a data dir that outlives the server. */
async function unionWithData(dataDir: string) {
  server = await startSyncServer({ KUMIAI_BACKUP_DIR: path.join(dataDir, 'backups') }, { dataDir, keepData: true });
  await seedOrg(server);
  for (let i = 1; i <= 4; i++) await seedMember(server.db, { id: `m${i}`, employeeNumber: `00090${i}`, unitId: 'wA1' });
  const officer = await signIn(server, '000001');
  for (let n = 1; n <= 3; n++) await notice(server, officer, `お知らせ${n}`, n);
  const { id: formId } = await createForm(server, '000001');
  const memA = await openAs(server, 'memA', clients);
  expect((await write(memA, [submission(server, { formId, memberId: 'memA', answers: { q1: 'good' } })])).codes).toEqual([]);
  return { officer, formId };
}

const titles = (db: Database.Database) => db.prepare('SELECT title FROM notices ORDER BY title').pluck().all() as string[];

describe('backups and restore', () => {
  it('restore drill: a backup taken while writes continue restores hash-identical, later writes gone, audit chain intact', async () => {
    const dataDir = tempDir();
    dirs.push(dataDir);
    const { officer } = await unionWithData(dataDir);
    // Back up while notices keep being written (the online backup copies page by page between them).
    const backup = server!.ops.backupNow();
    const during: Promise<string>[] = [];
    for (let n = 10; n < 16; n++) during.push(notice(server!, officer, `並行${n}`, n));
    const record = await backup;
    await Promise.all(during);
    const file = path.join(dataDir, 'backups', record.file);
    expect(record.file).toMatch(/^kumiai-\d{4}-\d{2}-\d{2}T\d{4}\.tar$/);
    const manifest = await readManifest(file);
    expect(manifest).toMatchObject({ format: 'kumiai-backup/1', integrity: 'ok', missingUploads: [] });
    expect(manifest.schemaVersion).toBe(fs.readdirSync(path.join(import.meta.dirname, '../../migrations')).sort().at(-1));
    expect(manifest.parts.filter((p) => p.name.startsWith('uploads/')).length).toBeGreaterThanOrEqual(3);
    const epochBefore = server!.db.prepare('SELECT epoch FROM sync_meta').pluck().get() as string;
    expect(manifest.sync.epoch).toBe(epochBefore);
    // `tar` itself reads the archive, and every part hashes as the manifest says.
    const entries = await readTarEntries(file);
    expect(entries.map((e) => e.name)).toEqual([...manifest.parts.map((p) => p.name), 'manifest.json']);

    await notice(server!, officer, 'バックアップ後', 99);
    await server!.close();
    server = null;
    // The disaster: the database and files are gone.
    for (const name of fs.readdirSync(dataDir)) if (name !== 'backups') fs.rmSync(path.join(dataDir, name), { recursive: true, force: true });

    const result = await restoreBackup(file, dataDir);
    expect(result.verified.map((v) => [v.name, v.sha256])).toEqual(manifest.parts.map((p) => [p.name, p.sha256]));
    expect(result.replacedDir).toBeNull();
    for (const part of manifest.parts.filter((p) => p.name.startsWith('uploads/'))) {
      expect(sha256(fs.readFileSync(path.join(dataDir, part.name)))).toBe(part.sha256);
    }
    const db = openDatabase(dataDir);
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);
      const restored = titles(db);
      expect(restored).toEqual(expect.arrayContaining(['お知らせ1', 'お知らせ2', 'お知らせ3']));
      expect(restored).not.toContain('バックアップ後');
      // Consistent: exactly the notices whose sequence the backup holds, each with its attachment file.
      expect(db.prepare('SELECT seq FROM sync_meta').pluck().get()).toBe(manifest.sync.seq);
      for (const hash of db.prepare('SELECT hash FROM uploads').pluck().all() as string[]) expect(fs.existsSync(path.join(dataDir, 'uploads', hash.slice(0, 2), hash))).toBe(true);
      expect(db.prepare('SELECT count(*) FROM submissions').pluck().get()).toBe(1);
      const meta = db.prepare('SELECT epoch, restored_from AS restoredFrom FROM sync_meta').get() as { epoch: string; restoredFrom: string };
      expect(meta.epoch).not.toBe(epochBefore);
      expect(JSON.parse(meta.restoredFrom)).toEqual({ at: manifest.createdAt, seq: manifest.sync.seq, epoch: epochBefore });
      expect(new AuditService(db, systemClock).verify()).toMatchObject({ ok: true });
    } finally {
      db.close();
    }
    vi.stubEnv('KUMIAI_DATA_DIR', dataDir);
    const out: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void out.push(args.join(' ')));
    expect(await runCli(['audit', 'verify'])).toBe(0);
    expect(out.join('\n')).toMatch(/audit log intact/);
  });

  it('refuses while the server runs, and a tampered backup changes nothing', async () => {
    const dataDir = tempDir();
    dirs.push(dataDir);
    await unionWithData(dataDir);
    const record = await server!.ops.backupNow();
    const file = path.join(dataDir, 'backups', record.file);
    // The server is running (its pid file names a live process).
    fs.writeFileSync(path.join(dataDir, 'kumiai.pid'), `${process.pid}\n`);
    await expect(restoreBackup(file, dataDir)).rejects.toThrow(/server is running/);
    await server!.close();
    server = null;
    fs.rmSync(path.join(dataDir, 'kumiai.pid'));

    const dbBefore = sha256(fs.readFileSync(path.join(dataDir, 'kumiai.sqlite')));
    const tampered = path.join(dataDir, 'tampered.tar');
    const bytes = fs.readFileSync(file);
    const entry = (await readTarEntries(file)).find((e) => e.name === 'kumiai.sqlite')!;
    bytes[entry.offset + 2000] = bytes[entry.offset + 2000]! ^ 0xff;
    fs.writeFileSync(tampered, bytes);
    await expect(restoreBackup(tampered, dataDir)).rejects.toThrow(/does not match the manifest/);
    expect(sha256(fs.readFileSync(path.join(dataDir, 'kumiai.sqlite')))).toBe(dbBefore);
    expect(fs.readdirSync(dataDir).filter((n) => n.startsWith('replaced-') || n.startsWith('.restore-'))).toEqual([]);

    // A good restore over an existing database keeps the replaced one aside.
    const done = await restoreBackup(file, dataDir);
    expect(done.replacedDir).not.toBeNull();
    expect(sha256(fs.readFileSync(path.join(done.replacedDir!, 'kumiai.sqlite')))).toBe(dbBefore);
  });

  it('an encrypted backup cannot be opened without the private key, and restores with it', async () => {
    const dataDir = tempDir();
    dirs.push(dataDir);
    await unionWithData(dataDir);
    const identity = await generateIdentity();
    const record = await createBackup(server!.db, { dataDir, dir: path.join(dataDir, 'backups'), ageRecipient: await identityToRecipient(identity) });
    expect(record.file).toMatch(/\.tar\.age$/);
    const file = path.join(dataDir, 'backups', record.file);
    const bytes = fs.readFileSync(file);
    expect(bytes.subarray(0, 21).toString()).toBe('age-encryption.org/v1');
    // Nothing readable inside: no SQLite header, no tar header, no member's name.
    for (const needle of ['SQLite format 3', 'ustar', '名前000100', 'お知らせ1']) expect(bytes.includes(Buffer.from(needle))).toBe(false);
    await server!.close();
    server = null;
    await expect(restoreBackup(file, dataDir)).rejects.toThrow(/encrypted/);
    await expect(restoreBackup(file, dataDir, { identity: await generateIdentity() })).rejects.toThrow(RestoreError);
    const result = await restoreBackup(file, dataDir, { identity });
    expect(result.manifest.integrity).toBe('ok');
    const db = openDatabase(dataDir);
    expect(titles(db)).toEqual(['お知らせ1', 'お知らせ2', 'お知らせ3']);
    db.close();
    expect((await listBackups(path.join(dataDir, 'backups')))[0]).toMatchObject({ file: record.file, encrypted: true, integrity: 'ok' });
  });

  it('keeps 7 daily, 4 weekly and 12 monthly backups', () => {
    // Two backups a day for 400 days, newest first.
    const start = Date.parse('2026-11-26T03:00:00Z');
    const backups = Array.from({ length: 800 }, (_, i) => {
      const at = new Date(start - i * 12 * 3600 * 1000).toISOString();
      return { file: `b${i}`, createdAt: at };
    });
    const doomed = new Set(backupsToDelete(backups));
    const kept = backups.filter((b) => !doomed.has(b.file)).map((b) => b.createdAt.slice(0, 10));
    // The 7 newest days (one each), then one per earlier week and month.
    expect(kept.slice(0, 7)).toEqual(['2026-11-26', '2026-11-25', '2026-11-24', '2026-11-23', '2026-11-22', '2026-11-21', '2026-11-20']);
    expect(new Set(kept).size).toBe(kept.length);
    const months = new Set(kept.map((d) => d.slice(0, 7)));
    expect(months.size).toBe(12);
    expect(kept.length).toBeLessThanOrEqual(7 + 4 + 12);
    expect(kept.length).toBeGreaterThanOrEqual(12 + 4);
    // The newest backup is never deleted.
    expect(doomed.has('b0')).toBe(false);
  });
});
