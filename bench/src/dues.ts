import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildApp } from '@kumiai/server/src/app.ts';
import { loadConfig } from '@kumiai/server/src/config.ts';
import { openDatabase } from '@kumiai/server/src/db/database.ts';
import { hashPassword } from '@kumiai/server/src/lib/crypto.ts';

/**
 * `pnpm bench:dues [--rows 60000]`: how long a check-off file of that many
 * rows takes to dry-run and to apply (issue 18's target: under 5 s each),
 * through the real app (in-process HTTP, real SQLite file, sync triggers on).
 * The file has a few rows of each problem in the dry run, none in the apply.
 */
const { values } = parseArgs({ options: { rows: { type: 'string', default: '60000' } } });
const rows = Number(values.rows);
const TARGET_S = 5;

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kumiai-bench-dues-'));
  try {
    const config = loadConfig({ KUMIAI_DATA_DIR: dataDir, KUMIAI_SCRYPT_LOG_N: '10', KUMIAI_CLIENT_DIR: path.join(dataDir, 'no-client') });
    const db = openDatabase(config.dataDir);
    const { app } = await buildApp({ config, db, logger: { level: 'warn' } });
    await app.ready();
    const hash = await hashPassword('bench passphrase long enough', 10);
    db.transaction(() => {
      db.prepare("INSERT INTO units (id, parent_id, name, kind, created_at, updated_at) VALUES ('u', NULL, 'ベンチ労働組合', 'union', 0, 0)").run();
      const unit = db.prepare("INSERT INTO units (id, parent_id, name, kind, created_at, updated_at) VALUES (?, 'u', ?, 'workplace', 0, 0)");
      for (let u = 0; u < 100; u++) unit.run(`w${u}`, `職場${u}`);
      db.prepare("INSERT INTO members (id, employee_number, name, unit_id, password_hash, created_at, updated_at) VALUES ('admin', 'A0', '管理者', 'u', ?, 0, 0)").run(hash);
      db.prepare("INSERT INTO role_grants (id, member_id, unit_id, role, created_at) VALUES ('g', 'admin', 'u', 'admin', 0)").run();
      const member = db.prepare("INSERT INTO members (id, employee_number, name, unit_id, member_class, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 0, 0)");
      for (let i = 0; i < rows; i++) member.run(`m${i}`, `E${i}`, `組合員${i}`, `w${i % 100}`, i % 5 === 0 ? 'associate' : 'regular');
    })();
    const signIn = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { employeeNumber: 'A0', password: 'bench passphrase long enough' } });
    const headers = { cookie: String(signIn.headers['set-cookie']).split(';')[0] ?? '', origin: config.publicUrl, 'content-type': 'text/csv' };
    await app.inject({ method: 'POST', url: '/api/dues/rules', headers: { ...headers, 'content-type': 'application/json' }, payload: { memberClass: 'regular', from: '2026-01', formula: { kind: 'flat', amount: 2000 } } });
    await app.inject({
      method: 'POST', url: '/api/dues/rules', headers: { ...headers, 'content-type': 'application/json' },
      payload: { memberClass: 'associate', from: '2026-01', formula: { kind: 'rate', numerator: 18, denominator: 1000, floor: 1000, cap: 5000, rounding: { mode: 'floor', unit: 10 } } },
    });
    const line = (i: number) => `E${i},${i % 997 === 0 ? 1500 : i % 5 === 0 ? Math.min(5000, Math.floor(((240_000 + i) * 18) / 10_000) * 10) : 2000},${240_000 + i}`;
    const good = ['社員番号,組合費,基本給', ...Array.from({ length: rows }, (_, i) => line(i))].join('\r\n');
    const withProblems = `${good}\r\nX1,2000,\r\nE5,2000,\r\nE6,abc,\r\n`;
    const file = (text: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
    console.log(`check-off file: ${rows} rows, ${(file(good).length / 1024 / 1024).toFixed(1)} MiB, ${rows} members`);
    const run = async (what: string, mode: string, body: Buffer) => {
      const started = performance.now();
      const res = await app.inject({ method: 'POST', url: `/api/dues/checkoff?mode=${mode}&employer=bench&month=2026-04`, headers, payload: body });
      const seconds = (performance.now() - started) / 1000;
      const { report } = res.json<{ report: { matched: number; problems: unknown[]; mismatches: unknown[]; missing: unknown[] } }>();
      console.log(`${what.padEnd(40)} ${seconds.toFixed(2).padStart(6)} s   (target < ${TARGET_S} s)  status ${res.statusCode}, matched ${report.matched}, problems ${report.problems.length}, mismatches ${report.mismatches.length}, missing ${report.missing.length}`);
      return seconds;
    };
    const dry = await run('dry run (with injected problems)', 'dry-run', file(withProblems));
    const apply = await run('apply (first import of the month)', 'apply', file(good));
    const again = await run('apply again (replaces the month)', 'apply', file(good));
    await app.close();
    db.close();
    const worst = Math.max(dry, apply, again);
    console.log(worst < TARGET_S ? `within the target (${worst.toFixed(2)} s worst)` : `OVER the target: ${worst.toFixed(2)} s`);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

void main();
