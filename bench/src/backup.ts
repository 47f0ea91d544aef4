import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { openDatabase } from '@kumiai/server/src/db/database.ts';
import { createBackup } from '@kumiai/server/src/ops/backup.ts';
import { restoreBackup } from '@kumiai/server/src/ops/restore.ts';

/**
 * `pnpm bench:backup`: how long a backup and a restore take for a union of
 * 60,000 members with 10,000 notices and 100,000 submissions (and some
 * attachments), plain and age-encrypted. Prints the figures; run it on the
 * machine that will hold the data.
 */
const { values } = parseArgs({
  options: {
    members: { type: 'string', default: '60000' },
    notices: { type: 'string', default: '10000' },
    submissions: { type: 'string', default: '100000' },
    uploads: { type: 'string', default: '200' },
    'upload-kb': { type: 'string', default: '100' },
  },
});
const n = (name: keyof typeof values) => Number(values[name]);

async function timed<T>(what: string, fn: () => Promise<T> | T): Promise<{ result: T; seconds: number }> {
  const started = performance.now();
  const result = await fn();
  const seconds = (performance.now() - started) / 1000;
  console.log(`${what.padEnd(44)} ${seconds.toFixed(2).padStart(8)} s`);
  return { result, seconds };
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

async function main(): Promise<void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kumiai-bench-backup-'));
  try {
    const dataDir = path.join(root, 'data');
    const db = openDatabase(dataDir);
    await timed(`generate ${n('members')} members, ${n('notices')} notices, ${n('submissions')} submissions`, () => {
      db.transaction(() => {
        const now = Date.now();
        db.prepare("INSERT INTO units (id, parent_id, name, kind, code, created_at, updated_at) VALUES ('u', NULL, 'ベンチ労働組合', 'union', 'U', 0, 0)").run();
        const unit = db.prepare("INSERT INTO units (id, parent_id, name, kind, code, created_at, updated_at) VALUES (?, 'u', ?, 'workplace', ?, 0, 0)");
        for (let u = 0; u < 100; u++) unit.run(`w${u}`, `職場${u}`, `W${u}`);
        const member = db.prepare('INSERT INTO members (id, employee_number, name, name_kana, unit_id, email, phone, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
        for (let i = 0; i < n('members'); i++) {
          member.run(`m${i}`, String(100000 + i), `組合員 ${i}号`, `くみあいいん ${i}`, `w${i % 100}`, `m${i}@example.org`, `090-${String(i).padStart(8, '0')}`, now, now);
        }
        const notice = db.prepare("INSERT INTO notices (id, title, body, audience, status, publish_at, author_id, created_at, updated_at) VALUES (?, ?, ?, ?, 'published', ?, 'm0', ?, ?)");
        const body = '賃金交渉の経過をお知らせします。'.repeat(20);
        for (let i = 0; i < n('notices'); i++) notice.run(`n${i}`, `お知らせ ${i}`, body, JSON.stringify({ all: false, units: [`w${i % 100}`], roles: [], members: [] }), now, now, now);
        const form = db.prepare("INSERT INTO forms (id, kind, title, audience, status, opens_at, author_id, created_at, updated_at) VALUES (?, 'survey', ?, '{\"all\":true,\"units\":[],\"roles\":[],\"members\":[]}', 'published', 0, 'm0', 0, 0)");
        const version = db.prepare("INSERT INTO form_versions (form_id, version, fields, at) VALUES (?, 1, '[]', 0)");
        for (let f = 0; f < 10; f++) {
          form.run(`f${f}`, `アンケート ${f}`);
          version.run(`f${f}`);
        }
        const submission = db.prepare("INSERT INTO submissions (id, form_id, form_version, kind, member_id, unit_id, answers, state, submitted_at, created_at, updated_at) VALUES (?, ?, 1, 'survey', ?, ?, ?, 'submitted', ?, ?, ?)");
        for (let i = 0; i < n('submissions'); i++) {
          const m = i % n('members');
          submission.run(`s${i}`, `f${Math.floor(i / n('members')) % 10}`, `m${m}`, `w${m % 100}`, JSON.stringify({ q1: 'good', q2: `意見 ${i}: もっと休みを` }), now, now, now);
        }
        const upload = db.prepare("INSERT INTO uploads (hash, size, type, created_at) VALUES (?, ?, 'application/pdf', 0)");
        for (let i = 0; i < n('uploads'); i++) {
          const hash = randomBytes(32).toString('hex');
          const file = path.join(dataDir, 'uploads', hash.slice(0, 2), hash);
          fs.mkdirSync(path.dirname(file), { recursive: true });
          fs.writeFileSync(file, randomBytes(n('upload-kb') * 1024));
          upload.run(hash, n('upload-kb') * 1024);
        }
      })();
      db.pragma('wal_checkpoint(TRUNCATE)');
    });
    console.log(`database ${mib(fs.statSync(path.join(dataDir, 'kumiai.sqlite')).size)}, uploads ${n('uploads')} × ${n('upload-kb')} KiB`);

    // The server keeps answering during a backup only as well as its event loop is free: the longest stall.
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const plain = await timed('backup (online backup API, check, tar)', () => createBackup(db, { dataDir, dir: path.join(root, 'backups') }));
    loop.disable();
    console.log(`  longest event-loop stall during the backup: ${(loop.max / 1e6).toFixed(0)} ms`);
    const { generateIdentity, identityToRecipient } = await import('age-encryption');
    const identity = await generateIdentity();
    const recipient = await identityToRecipient(identity);
    const encrypted = await timed('backup, age-encrypted', () => createBackup(db, { dataDir, dir: path.join(root, 'backups-age'), ageRecipient: recipient }));
    db.close();
    console.log(`backup files: ${mib(plain.result.size)} (.tar), ${mib(encrypted.result.size)} (.tar.age)`);
    const target = path.join(root, 'restored');
    await timed('restore (verify hashes, integrity check, move in)', () => restoreBackup(path.join(root, 'backups', plain.result.file), target));
    const target2 = path.join(root, 'restored-age');
    await timed('restore, age-encrypted', () => restoreBackup(path.join(root, 'backups-age', encrypted.result.file), target2, { identity }));
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
