import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../e2e/support/server.ts';
import { runCli } from '../src/cli/main.ts';
import { openDatabase } from '../src/db/database.ts';
import { TokenService } from '../src/features/tokens/token-service.ts';
import { systemClock } from '../src/lib/clock.ts';
import { cliSandbox } from './helpers.ts';

const sandbox = cliSandbox();

const fixture = (name: string) => path.join(REPO_ROOT, 'server/test/fixtures/roster', name);

describe('pnpm kumiai', () => {
  it('sets up, imports units and members, issues and revokes tokens, verifies the audit log', async () => {
    const pw = path.join(sandbox.dataDir, 'pw.txt');
    fs.writeFileSync(pw, 'a long admin passphrase\n');
    expect(await runCli(['setup', '--union', '中部労働組合', '--admin', '００９', '--password-file', pw])).toBe(0);
    expect(await runCli(['setup', '--union', 'again', '--admin', '1', '--password-file', pw])).toBe(1);
    expect(sandbox.out.join('\n')).toContain('setup_already_done');

    const units = path.join(sandbox.dataDir, 'units.csv');
    fs.writeFileSync(units, 'コード,名称,親コード,種別\nA,東京支部,,支部\nA1,本社分会,A,分会\n');
    expect(await runCli(['units', 'import', units])).toBe(0);
    const members = path.join(sandbox.dataDir, 'members.csv');
    fs.writeFileSync(members, '社員番号,氏名,所属\n100001,佐藤 一郎,A1\n100002,鈴木 花子,本社分会\n');
    expect(await runCli(['members', 'import', members, '--dry-run'])).toBe(0);
    const db = openDatabase(sandbox.dataDir);
    expect(db.prepare('SELECT count(*) FROM members').pluck().get()).toBe(1);
    db.close();
    expect(await runCli(['members', 'import', members])).toBe(0);

    sandbox.out.length = 0;
    expect(await runCli(['token', 'create', '--employee-number', '１０００01', '--ttl', '7'])).toBe(0);
    const token = sandbox.out.find((line) => line.startsWith('kumiai_'))!;
    const check = openDatabase(sandbox.dataDir);
    const tokens = new TokenService(check, systemClock);
    const memberId = check.prepare("SELECT id FROM members WHERE employee_number = '100001'").pluck().get();
    expect(tokens.resolve(token)).toBe(memberId);
    const id = tokens.list()[0]!.id;
    expect(await runCli(['token', 'revoke', id])).toBe(0);
    expect(tokens.resolve(token)).toBeNull();
    check.close();

    sandbox.out.length = 0;
    expect(await runCli(['audit', 'verify'])).toBe(0);
    // setup, the model bylaw clause filed in 規約 at setup, units, members, token created, token revoked.
    expect(sandbox.out.join('\n')).toMatch(/intact: 6 entries/);
  });

  it('audit verify names the first row someone edited in the SQLite file', async () => {
    const pw = path.join(sandbox.dataDir, 'pw.txt');
    fs.writeFileSync(pw, 'a long admin passphrase\n');
    expect(await runCli(['setup', '--union', '組合', '--admin', '1', '--password-file', pw])).toBe(0);
    expect(await runCli(['token', 'create', '--employee-number', '1'])).toBe(0);
    expect(await runCli(['token', 'create', '--employee-number', '1'])).toBe(0);
    const db = openDatabase(sandbox.dataDir);
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare("UPDATE audit_log SET detail = '{}' WHERE seq = 2").run();
    db.close();
    sandbox.out.length = 0;
    expect(await runCli(['audit', 'verify'])).toBe(1);
    expect(sandbox.out.join('\n')).toMatch(/BROKEN at entry 2/);
  });

  it('reports a bad file with line numbers and changes nothing', async () => {
    expect(await runCli(['members', 'import', fixture('members-utf16le.csv')])).toBe(1);
    expect(sandbox.out.join('\n')).toContain('csv_unsupported_encoding');
  });

  it('answers --help for every command and refuses unknown ones', async () => {
    expect(await runCli(['--help'])).toBe(0);
    for (const cmd of [['setup'], ['units', 'import'], ['members', 'import'], ['token', 'create'], ['token', 'list'], ['token', 'revoke'], ['audit', 'verify']]) {
      sandbox.out.length = 0;
      expect(await runCli([...cmd, '--help'])).toBe(0);
      expect(sandbox.out.join('\n')).toContain(`pnpm kumiai ${cmd.join(' ')}`);
    }
    expect(await runCli(['frobnicate'])).toBe(2);
    expect(await runCli(['token', 'create', '--bogus'])).toBe(2);
  });

  it('runs as `pnpm kumiai` from the repository root', () => {
    const result = spawnSync('node', ['--import', 'tsx', 'server/src/cli/main.ts', 'audit', 'verify'], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH, KUMIAI_DATA_DIR: sandbox.dataDir },
      encoding: 'utf8',
    });
    expect(result.stdout).toContain('audit log intact: 0 entries');
    expect(result.status).toBe(0);
  });
});
