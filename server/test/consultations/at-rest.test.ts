import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackup } from '../../src/ops/backup.ts';
import { restoreBackup } from '../../src/ops/restore.ts';
import { readTarEntries } from '../../src/ops/tar.ts';
import { startTestServer, tempDir } from '../helpers.ts';
import { openAs, startSyncServer, type RawClient, type SyncServer } from '../sync/support.ts';
import { assign, caseDoc, live, messageDoc, pushOk, seedDesks, signIn, upload } from './support.ts';

let server: SyncServer | undefined;
const clients: RawClient[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await server?.close();
  server = undefined;
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const MARKERS = ['本文ウォンバット', '連絡先クオッカ', '返信コアラ', 'メモフクロモモンガ', 'FILE-BODY-PLATYPUS-7731'];

/** Every file under `dir` whose bytes contain one of the markers (UTF-8), as "file: marker". */
function plaintextIn(dir: string, markers: readonly string[] = MARKERS): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const bytes = fs.readFileSync(file);
    for (const marker of markers) if (bytes.includes(Buffer.from(marker, 'utf8'))) found.push(`${path.relative(dir, file)}: ${marker}`);
  }
  return found;
}

describe('consultations at rest (issue 21)', () => {
  it('keeps no plaintext of a case, its messages or its file in the database, its WAL, the uploads or a backup; the backup holds no key, and a restore needs the key file', async () => {
    const dataDir = tempDir();
    dirs.push(dataDir);
    server = await startSyncServer({}, { dataDir, keepData: true });
    await seedDesks(server);
    const memA = await openAs(server, 'memA', clients);
    const memHeaders = await signIn(server, '000100');
    const pdf = Buffer.from(`%PDF-1.4\n% ${MARKERS[4]}\n%%EOF\n`, 'utf8');
    const file = await upload(server, memHeaders, '給与明細.pdf', pdf);
    const c1 = caseDoc({ text: `残業代 ${MARKERS[0]}`, contactNote: `夜に ${MARKERS[1]}`, attachments: [file] });
    await pushOk(memA, c1);
    expect((await assign(server, await signIn(server, '000012'), c1.id, ['offW'])).statusCode).toBe(200);
    const officer = await openAs(server, 'offW', clients);
    await pushOk(officer, messageDoc(c1.id, `了解 ${MARKERS[2]}`), { ...messageDoc(c1.id, `社内 ${MARKERS[3]}`), kind: 'note' });
    // The devices do get the plaintext.
    expect((await live(officer)).docs.get(c1.id)).toMatchObject({ text: c1.text, contactNote: c1.contactNote, attachments: [file] });
    const fetched = await server.app.inject({ method: 'GET', url: `/api/consultations/files/${file.id}`, headers: memHeaders });
    expect(fetched.rawPayload.equals(pdf)).toBe(true);

    // The database file and its WAL as they are on disk now (WAL not checkpointed), and the uploads folder.
    expect(fs.existsSync(path.join(dataDir, 'kumiai.sqlite-wal'))).toBe(true);
    expect(plaintextIn(dataDir)).toEqual([]);
    // The search itself finds plaintext where there is some (a control: a member's phone, not sealed).
    server.db.prepare("UPDATE members SET phone = 'CONTROL-ECHIDNA' WHERE id = 'memB'").run();
    expect(plaintextIn(dataDir, ['CONTROL-ECHIDNA'])).toEqual(['kumiai.sqlite-wal: CONTROL-ECHIDNA']);
    const backups = path.join(dataDir, 'backups');
    const record = await createBackup(server.db, { dataDir, dir: backups });
    const tar = path.join(backups, record.file);
    expect(plaintextIn(backups)).toEqual([]);
    const key = fs.readFileSync(server.config.consultationsKeyFile, 'utf8').trim();
    expect(fs.statSync(server.config.consultationsKeyFile).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(tar).includes(Buffer.from(key))).toBe(false);
    const parts: string[] = [];
    for (const entry of await readTarEntries(tar)) parts.push(entry.name);
    expect(parts.some((name) => name.includes('key'))).toBe(false);
    // The sealed file is in the backup (under uploads/), so a restore has it.
    expect(parts.filter((name) => name.startsWith('uploads/'))).toHaveLength(1);
    for (const c of clients.splice(0)) c.close();
    await server.close();
    server = undefined;

    // Restored elsewhere without the key: the server refuses to start rather than serve nothing or make a new key.
    const restored = tempDir();
    dirs.push(restored);
    await restoreBackup(tar, restored);
    await expect(startTestServer({}, { dataDir: restored, keepData: true })).rejects.toThrow(/consultations key file .* is missing/);
    expect(fs.existsSync(path.join(restored, 'consultations.key'))).toBe(false);
    // A different key is refused too; the admin's copy of the right one works.
    fs.writeFileSync(path.join(restored, 'consultations.key'), `${Buffer.alloc(32, 1).toString('base64')}\n`, { mode: 0o600 });
    await expect(startTestServer({}, { dataDir: restored, keepData: true })).rejects.toThrow(/not the key/);
    fs.writeFileSync(path.join(restored, 'consultations.key'), `${key}\n`, { mode: 0o600 });
    server = await startSyncServer({}, { dataDir: restored, keepData: true });
    const again = await openAs(server, 'memA', clients);
    expect((await live(again)).docs.get(c1.id)).toMatchObject({ text: c1.text, attachments: [file] });
    const back = await server.app.inject({ method: 'GET', url: `/api/consultations/files/${file.id}`, headers: await signIn(server, '000100') });
    expect(back.rawPayload.equals(pdf)).toBe(true);
  });
});
