import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { REPO_ROOT } from '../../e2e/support/server.ts';
import { runCli } from '../src/cli/main.ts';
import { openDatabase } from '../src/db/database.ts';
import { TokenService } from '../src/features/tokens/token-service.ts';
import { systemClock } from '../src/lib/clock.ts';
import { tempDir } from './helpers.ts';

let dataDir: string;
let out: string[];
beforeEach(() => {
  dataDir = tempDir();
  vi.stubEnv('KUMIAI_DATA_DIR', dataDir);
  vi.stubEnv('KUMIAI_SCRYPT_LOG_N', '10');
  out = [];
  vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void out.push(args.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void out.push(args.join(' ')));
});
afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

const fixture = (name: string) => path.join(REPO_ROOT, 'server/test/fixtures/roster', name);

describe('pnpm kumiai', () => {
  it('sets up, imports units and members, issues and revokes tokens, verifies the audit log', async () => {
    const pw = path.join(dataDir, 'pw.txt');
    fs.writeFileSync(pw, 'a long admin passphrase\n');
    expect(await runCli(['setup', '--union', '中部労働組合', '--admin', '００９', '--password-file', pw])).toBe(0);
    expect(await runCli(['setup', '--union', 'again', '--admin', '1', '--password-file', pw])).toBe(1);
    expect(out.join('\n')).toContain('setup_already_done');

    const units = path.join(dataDir, 'units.csv');
    fs.writeFileSync(units, 'コード,名称,親コード,種別\nA,東京支部,,支部\nA1,本社分会,A,分会\n');
    expect(await runCli(['units', 'import', units])).toBe(0);
    const members = path.join(dataDir, 'members.csv');
    fs.writeFileSync(members, '社員番号,氏名,所属\n100001,佐藤 一郎,A1\n100002,鈴木 花子,本社分会\n');
    expect(await runCli(['members', 'import', members, '--dry-run'])).toBe(0);
    const db = openDatabase(dataDir);
    expect(db.prepare('SELECT count(*) FROM members').pluck().get()).toBe(1);
    db.close();
    expect(await runCli(['members', 'import', members])).toBe(0);

    out.length = 0;
    expect(await runCli(['token', 'create', '--employee-number', '１０００01', '--ttl', '7'])).toBe(0);
    const token = out.find((line) => line.startsWith('kumiai_'))!;
    const check = openDatabase(dataDir);
    const tokens = new TokenService(check, systemClock);
    const memberId = check.prepare("SELECT id FROM members WHERE employee_number = '100001'").pluck().get();
    expect(tokens.resolve(token)).toBe(memberId);
    const id = tokens.list()[0]!.id;
    expect(await runCli(['token', 'revoke', id])).toBe(0);
    expect(tokens.resolve(token)).toBeNull();
    check.close();

    out.length = 0;
    expect(await runCli(['audit', 'verify'])).toBe(0);
    expect(out.join('\n')).toMatch(/intact: 5 entries/);
  });

  it('audit verify names the first row someone edited in the SQLite file', async () => {
    const pw = path.join(dataDir, 'pw.txt');
    fs.writeFileSync(pw, 'a long admin passphrase\n');
    expect(await runCli(['setup', '--union', '組合', '--admin', '1', '--password-file', pw])).toBe(0);
    expect(await runCli(['token', 'create', '--employee-number', '1'])).toBe(0);
    expect(await runCli(['token', 'create', '--employee-number', '1'])).toBe(0);
    const db = openDatabase(dataDir);
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare("UPDATE audit_log SET detail = '{}' WHERE seq = 2").run();
    db.close();
    out.length = 0;
    expect(await runCli(['audit', 'verify'])).toBe(1);
    expect(out.join('\n')).toMatch(/BROKEN at entry 2/);
  });

  it('reports a bad file with line numbers and changes nothing', async () => {
    expect(await runCli(['members', 'import', fixture('members-utf16le.csv')])).toBe(1);
    expect(out.join('\n')).toContain('csv_unsupported_encoding');
  });

  it('answers --help for every command and refuses unknown ones', async () => {
    expect(await runCli(['--help'])).toBe(0);
    for (const cmd of [['setup'], ['units', 'import'], ['members', 'import'], ['token', 'create'], ['token', 'list'], ['token', 'revoke'], ['audit', 'verify']]) {
      out.length = 0;
      expect(await runCli([...cmd, '--help'])).toBe(0);
      expect(out.join('\n')).toContain(`pnpm kumiai ${cmd.join(' ')}`);
    }
    expect(await runCli(['frobnicate'])).toBe(2);
    expect(await runCli(['token', 'create', '--bogus'])).toBe(2);
  });

  it('runs as `pnpm kumiai` from the repository root', () => {
    const result = spawnSync('node', ['--import', 'tsx', 'server/src/cli/main.ts', 'audit', 'verify'], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH, KUMIAI_DATA_DIR: dataDir },
      encoding: 'utf8',
    });
    expect(result.stdout).toContain('audit log intact: 0 entries');
    expect(result.status).toBe(0);
  });
});
