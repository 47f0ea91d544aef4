import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../src/db/database.ts';
import { ManualClock } from '../src/lib/clock.ts';
import { RosterRepo } from '../src/features/roster/roster-repo.ts';
import { RosterService } from '../src/features/roster/roster-service.ts';
import { RosterError, type ImportContext } from '../src/features/roster/roster-types.ts';
import { dumpTables, fixture, U, seedUnits } from './fixtures/roster/seed.ts';
import { tempDir } from './helpers.ts';

let dir: string;
let db: Db;
let roster: RosterService;
const admin: ImportContext = { actorId: 'actor-admin' };
const officerA: ImportContext = { actorId: 'actor-officer-a', scopeRootUnitIds: [U.a] };
const csv = (lines: string[]) => Buffer.from(lines.join('\n') + '\n', 'utf8');
const unit = (code: string) => db.prepare('SELECT * FROM units WHERE code = ?').get(code) as { id: string; parent_id: string; name: string; kind: string } | undefined;

beforeEach(() => {
  dir = tempDir('kumiai-units-');
  db = openDatabase(dir);
  seedUnits(db);
  roster = new RosterService(new RosterRepo(db), new ManualClock());
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

describe('units import', () => {
  it('dry run changes nothing; apply creates parents before children and renames by code', () => {
    const before = dumpTables(db);
    expect(roster.unitsDryRun(fixture('units.csv'), admin)).toMatchObject({ totalRows: 4, toCreate: 3, toUpdate: 1, unchanged: 0, problems: [] });
    expect(dumpTables(db)).toBe(before);

    expect(roster.unitsApply(fixture('units.csv'), admin)).toMatchObject({ created: 3, updated: 1 });
    const c = unit('C');
    expect(c).toMatchObject({ name: '名古屋支部', kind: 'branch', parent_id: U.root });
    expect(unit('C1')).toMatchObject({ name: '新宿分会', kind: 'workplace', parent_id: c?.id });
    expect(unit('C2')).toMatchObject({ kind: 'group', parent_id: unit('C1')?.id });
    expect(unit('A2')).toMatchObject({ id: U.a2, name: '品川分会', parent_id: U.a });
    expect(roster.unitsDryRun(fixture('units.csv'), admin)).toMatchObject({ toCreate: 0, toUpdate: 0, unchanged: 4 });
  });

  it('moves an existing unit, and refuses moves that would make a cycle', () => {
    expect(roster.unitsApply(csv(['code,name,parent code', 'A1,本社分会,B']), admin)).toMatchObject({ updated: 1 });
    expect(unit('A1')?.parent_id).toBe(U.b);
    const before = dumpTables(db);
    const cyclic = csv(['code,name,parent', 'A,東京支部,A1', 'A1,本社分会,A']);
    // Both rows take part in the cycle, so both are named.
    expect(roster.unitsDryRun(cyclic, admin).problems.map((p) => [p.line, p.code])).toEqual([
      [2, 'unit_cycle'],
      [3, 'unit_cycle'],
    ]);
    const newCycle = csv(['code,name,parent', 'N1,一,N2', 'N2,二,N1']);
    expect(roster.unitsDryRun(newCycle, admin).problems.map((p) => p.code)).toEqual(['unit_cycle', 'unit_cycle']);
    expect(refused(() => roster.unitsApply(cyclic, admin)).rosterCode).toBe('csv_has_problems');
    expect(dumpTables(db)).toBe(before);
  });

  it('reports bad unit rows on their lines', () => {
    db.prepare("INSERT INTO units (id, parent_id, name, kind, code, archived_at, created_at, updated_at) VALUES ('u-x8', ?, '廃止', 'workplace', 'X8', 1, 1, 1)").run(U.a);
    const report = roster.unitsDryRun(
      csv(['コード,名称,親コード,種別', 'D1,,A,職場', ',名無し,A,職場', 'D2,二,ZZ,職場', 'D3,三,A,会社', 'D2,重複,A,職場', 'D4,四,X9,職場', 'X8,廃止,A,職場', 'D5,五,A']),
      admin,
    );
    expect(report.problems.map((p) => [p.line, p.code])).toEqual([
      [2, 'missing_name'],
      [3, 'missing_code'],
      [4, 'unknown_parent'],
      [5, 'bad_kind'],
      [6, 'duplicate_code'],
      [7, 'archived_unit'],
      [8, 'archived_unit'],
      [9, 'wrong_column_count'],
    ]);
  });

  it('keeps an officer inside their branch and off the branch itself', () => {
    const report = roster.unitsDryRun(csv(['code,name,parent', 'A9,新職場,A', 'B9,大阪新職場,B', 'A,東京支部改,', 'R1,直下,', 'A1,本社分会改,A']), officerA);
    expect(report.problems.map((p) => [p.line, p.code])).toEqual([
      [3, 'unit_out_of_scope'],
      [4, 'unit_out_of_scope'],
      [5, 'unit_out_of_scope'],
    ]);
    expect(report).toMatchObject({ toCreate: 1, toUpdate: 1 });
    expect(roster.unitsApply(csv(['code,name,parent', 'A9,新職場,A', 'A1,本社分会改,A']), officerA)).toMatchObject({ created: 1, updated: 1 });
  });
});
