import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../src/db/database.ts';
import { ManualClock } from '../src/lib/clock.ts';
import { RosterRepo } from '../src/features/roster/roster-repo.ts';
import { RosterService } from '../src/features/roster/roster-service.ts';
import { RosterError, type ImportContext, type RosterReport } from '../src/features/roster/roster-types.ts';
import { dumpTables, fixture, junkBytes, seedMember, seedUnits, U } from './fixtures/roster/seed.ts';
import { tempDir } from './helpers.ts';

let dir: string;
let db: Db;
let clock: ManualClock;
let roster: RosterService;
const admin: ImportContext = { actorId: 'actor-admin' };
const officerA: ImportContext = { actorId: 'actor-officer-a', scopeRootUnitIds: [U.a] };

beforeEach(() => {
  dir = tempDir('kumiai-roster-');
  db = openDatabase(dir);
  clock = new ManualClock();
  seedUnits(db);
  roster = new RosterService(new RosterRepo(db), clock);
});

afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function refused(fn: () => unknown): RosterError {
  try {
    fn();
  } catch (err) {
    if (err instanceof RosterError) return err;
    throw err;
  }
  throw new Error('expected the import to be refused');
}

const member = (employeeNumber: string) =>
  db.prepare('SELECT * FROM members WHERE employee_number = ?').get(employeeNumber) as Record<string, unknown> | undefined;
const events = (memberId: unknown) =>
  db.prepare('SELECT kind, from_unit, to_unit, from_status, to_status, effective_on, actor_id, at FROM member_events WHERE member_id = ? ORDER BY id').all(memberId);
const csv = (lines: string[]) => Buffer.from(lines.join('\r\n') + '\r\n', 'utf8');

describe('roster import', () => {
  it('a dry run reports and changes nothing', () => {
    seedMember(db, { id: 'm-old', employeeNumber: '999999', name: '古参 組合員', unitId: U.a1 });
    const before = dumpTables(db);
    const report = roster.dryRun(fixture('members-utf8-bom.csv'), admin);
    expect(report).toMatchObject({ encoding: 'utf-8-bom', totalRows: 2, toCreate: 2, toUpdate: 0, unchanged: 0, problems: [] });
    expect(report.missing).toEqual([{ employeeNumber: '999999', name: '古参 組合員', unitId: U.a1 }]);
    expect(dumpTables(db)).toBe(before);
  });

  it('apply creates members with a joined event, resolving units by code or name', () => {
    clock.advance(1000);
    const result = roster.apply(fixture('members-utf8-bom.csv'), admin);
    expect(result).toMatchObject({ created: 2, updated: 0, toCreate: 2 });
    const taro = member('100001');
    expect(taro).toMatchObject({ name: '山田 太郎', name_kana: 'ヤマダ タロウ', unit_id: U.a1, status: 'active', joined_on: '2020-04-01', email: 'taro@example.jp', member_class: 'regular', created_at: clock.now() });
    expect(member('100002')).toMatchObject({ unit_id: U.a, status: 'on_leave', email: null });
    expect(events(taro?.id)).toEqual([
      { kind: 'joined', from_unit: null, to_unit: U.a1, from_status: null, to_status: 'active', effective_on: '2020-04-01', actor_id: 'actor-admin', at: clock.now() },
    ]);
  });

  it('imports Shift_JIS, English and full-width files', () => {
    expect(roster.apply(fixture('members-sjis.csv'), admin)).toMatchObject({ encoding: 'shift_jis', created: 3 });
    expect(member('200002')).toMatchObject({ name: '山﨑 ①子', name_kana: 'ヤマザキ イチコ', unit_id: U.a1 });
    expect(member('200003')).toMatchObject({ name: '波～太郎', phone: '03-1234-5678', status: 'on_leave' });
    expect(roster.apply(fixture('members-english.csv'), admin)).toMatchObject({ created: 2, warnings: [expect.objectContaining({ code: 'unknown_columns' })] });
    expect(member('300002')).toMatchObject({ unit_id: U.b1, joined_on: '2020-02-29' });
    expect(roster.apply(fixture('members-fullwidth.csv'), admin)).toMatchObject({ created: 2 });
    expect(member('123456')).toMatchObject({ unit_id: U.a1 });
    expect(member('000789')).toMatchObject({ unit_id: U.b1 });
  });

  it('a re-import updates by employee number, records history, and lists missing members without deleting them', () => {
    seedMember(db, { id: 'm-taro', employeeNumber: '100001', name: '山田 太郎', unitId: U.a2, passwordHash: 'scrypt$secret', pinHash: 'pin$secret', activatedAt: 42 });
    seedMember(db, { id: 'm-gone', employeeNumber: '100099', name: '退職予定 者', unitId: U.b1 });
    seedMember(db, { id: 'm-left', employeeNumber: '100098', name: '既に 退職', unitId: U.b1, status: 'left' });
    roster.apply(fixture('members-utf8-bom.csv'), admin);
    clock.advance(60_000);
    const second = roster.apply(csv(['社員番号,氏名,所属,状態,電話', '１０００01,山田 太郎,B1,休職,', '100002,佐藤 花子,東京支部,休職,']), admin);
    expect(second).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    expect(second.missing).toEqual([{ employeeNumber: '100099', name: '退職予定 者', unitId: U.b1 }]);

    const taro = member('100001');
    // Credentials untouched; empty and absent cells keep what the record had.
    expect(taro).toMatchObject({ id: 'm-taro', unit_id: U.b1, status: 'on_leave', password_hash: 'scrypt$secret', pin_hash: 'pin$secret', activated_at: 42, email: 'taro@example.jp', phone: '090-1111-2222' });
    const latest = (events('m-taro') as { at: number }[]).filter((e) => e.at === clock.now());
    expect(latest).toEqual([
      { kind: 'transferred', from_unit: U.a1, to_unit: U.b1, from_status: null, to_status: null, effective_on: null, actor_id: 'actor-admin', at: clock.now() },
      { kind: 'status_changed', from_unit: null, to_unit: null, from_status: 'active', to_status: 'on_leave', effective_on: null, actor_id: 'actor-admin', at: clock.now() },
    ]);
    expect(events(member('100002')?.id)).toHaveLength(1); // unchanged: no event
    expect(member('100099')).toMatchObject({ status: 'active' });
    expect(db.prepare('SELECT COUNT(*) AS n FROM members').get()).toEqual({ n: 4 });

    roster.apply(csv(['社員番号,氏名,所属,メール', '100001,山田 太郎,B1,new@example.jp']), admin);
    expect(events('m-taro').at(-1)).toMatchObject({ kind: 'updated' });
  });

  it('reports every bad row and apply changes nothing', () => {
    const report = roster.dryRun(fixture('members-bad-rows.csv'), admin);
    expect(report.problems.map((p) => [p.line, p.code])).toEqual([
      [5, 'duplicate_employee_number'],
      [6, 'unknown_unit'],
      [7, 'missing_name'],
      [8, 'missing_employee_number'],
      [9, 'bad_date'],
      [10, 'bad_status'],
      [11, 'bad_email'],
      [12, 'wrong_column_count'],
      [13, 'ambiguous_unit'],
      [14, 'missing_unit'],
      [17, 'bad_date'],
    ]);
    expect(report).toMatchObject({ totalRows: 14, toCreate: 3 });
    const before = dumpTables(db);
    const err = refused(() => roster.apply(fixture('members-bad-rows.csv'), admin));
    expect(err).toMatchObject({ rosterCode: 'csv_has_problems', statusCode: 400 });
    expect(err.report?.problems).toHaveLength(11);
    expect(dumpTables(db)).toBe(before);
  });

  it('refuses junk, wrong encodings and missing columns with a clear error, changing nothing', () => {
    const before = dumpTables(db);
    const junk = junkBytes(20 * 1024 * 1024);
    expect(refused(() => roster.apply(junk, admin))).toMatchObject({ rosterCode: 'csv_too_large', statusCode: 413 });
    expect(refused(() => roster.dryRun(junk.subarray(0, 100_000), admin))).toMatchObject({ rosterCode: 'csv_not_text' });
    expect(refused(() => roster.apply(fixture('members-utf16le.csv'), admin))).toMatchObject({ rosterCode: 'csv_unsupported_encoding' });
    expect(roster.dryRun(fixture('members-missing-columns.csv'), admin).problems).toEqual([
      expect.objectContaining({ code: 'csv_missing_columns', value: 'employeeNumber, unit' }),
    ]);
    expect(refused(() => roster.apply(fixture('members-missing-columns.csv'), admin)).rosterCode).toBe('csv_has_problems');
    expect(dumpTables(db)).toBe(before);
  });

  it('an officer scoped to branch A cannot import into branch B nor move B members', () => {
    seedMember(db, { id: 'm-b', employeeNumber: '500001', name: '大阪 組合員', unitId: U.b1 });
    seedMember(db, { id: 'm-a', employeeNumber: '500002', name: '東京 組合員', unitId: U.a2 });
    const file = csv(['社員番号,氏名,所属', '500003,新人 一,A1', '500004,新人 二,B1', '500001,大阪 組合員,A1', '500005,新人 三,大阪支部']);
    const report = roster.dryRun(file, officerA);
    expect(report.problems.map((p) => [p.line, p.code])).toEqual([
      [3, 'unit_out_of_scope'],
      [4, 'member_out_of_scope'],
      [5, 'unit_out_of_scope'],
    ]);
    // Only members in the officer's subtree are listed as missing.
    expect(report.missing.map((m) => m.employeeNumber)).toEqual(['500002']);
    const before = dumpTables(db);
    expect(refused(() => roster.apply(file, officerA)).rosterCode).toBe('csv_has_problems');
    expect(dumpTables(db)).toBe(before);
    expect(roster.apply(csv(['社員番号,氏名,所属', '500003,新人 一,A1', '500002,東京 組合員,本社分会']), officerA)).toMatchObject({ created: 1, updated: 1 });
  });

  it('stores formula-looking cells verbatim', () => {
    const file = csv(['社員番号,氏名,フリガナ,所属,電話,区分', '600001,"=HYPERLINK(""http://evil.example"",""x"")",@SUM(A1),A1,+81 90-1234-5678,-1+2']);
    roster.apply(file, admin);
    expect(member('600001')).toMatchObject({ name: '=HYPERLINK("http://evil.example","x")', name_kana: '@SUM(A1)', phone: '+81 90-1234-5678', member_class: '-1+2' });
  });

  it('warns when a file number is an existing number without its leading zeros', () => {
    seedMember(db, { id: 'm-z', employeeNumber: '001234', name: '零 一', unitId: U.a1 });
    const report = roster.dryRun(csv(['社員番号,氏名,所属', '1234,零 一,A1', '5678,零 二,A1']), admin);
    expect(report.warnings).toEqual([expect.objectContaining({ line: 2, code: 'leading_zeros_stripped', value: '1234' })]);
    expect(roster.dryRun(fixture('members-leading-zeros.csv'), admin).warnings.map((w) => w.line)).toEqual([4, 6]);
  });

  it('ignores archived units when resolving', () => {
    const report: RosterReport = roster.dryRun(csv(['社員番号,氏名,所属', '700001,旧 一,X9', '700002,旧 二,旧職場']), admin);
    expect(report.problems.map((p) => p.code)).toEqual(['unknown_unit', 'unknown_unit']);
  });

  it('imports 10,000 rows in one transaction', () => {
    const lines = ['社員番号,氏名,フリガナ,所属,状態,加入日,メール,電話'];
    const units = ['A1', 'A2', 'A3', 'B1', 'B2'];
    for (let i = 0; i < 10_000; i++) {
      lines.push(`${String(i).padStart(6, '0')},組合員 ${i},クミアイイン,${units[i % 5]},在籍,2020-04-01,m${i}@example.jp,090-0000-${String(i).padStart(4, '0')}`);
    }
    const file = csv(lines);
    let started = performance.now();
    const result = roster.apply(file, admin);
    console.log(`roster import: 10,000 new members in ${(performance.now() - started).toFixed(0)} ms`);
    expect(result).toMatchObject({ created: 10_000, problems: [] });
    expect(db.prepare('SELECT COUNT(*) AS n FROM members').get()).toEqual({ n: 10_000 });
    expect(db.prepare("SELECT COUNT(*) AS n FROM member_events WHERE kind = 'joined'").get()).toEqual({ n: 10_000 });

    // Everyone moves to another unit: 10,000 updates and transfers, again one transaction.
    const moved = csv(lines.map((line, i) => (i === 0 ? line : line.replace(/,(A1|A2|A3|B1|B2),/, (_m, u: string) => `,${u === 'A1' ? 'B1' : 'A1'},`))));
    started = performance.now();
    expect(roster.apply(moved, admin)).toMatchObject({ updated: 10_000, created: 0 });
    console.log(`roster import: 10,000 updated members in ${(performance.now() - started).toFixed(0)} ms`);
    expect(db.prepare("SELECT COUNT(*) AS n FROM member_events WHERE kind = 'transferred'").get()).toEqual({ n: 10_000 });
  });
});
