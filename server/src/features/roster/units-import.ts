import { randomUUID } from 'node:crypto';
import { cellOf, columnCountProblem, hasColumn, mapHeader, readCsvTable } from './csv-table.ts';
import type { UnitKind, UnitRow, UnitWrite } from './roster-repo.ts';
import { clip, type RosterProblem, type RosterWarning } from './roster-types.ts';
import { scopeOf, UnitTree, unitKey } from './unit-tree.ts';

type UnitField = 'code' | 'name' | 'parent' | 'kind';

export const UNIT_HEADERS: Record<UnitField, readonly string[]> = {
  code: ['コード', '所属コード', 'code', 'unit code'],
  name: ['名称', '名前', '所属名', 'name', 'unit name'],
  parent: ['親コード', '親', 'parent code', 'parent'],
  kind: ['種別', 'kind', 'type'],
};

// A Map, not an object literal: a cell reading "constructor" must not find Object.prototype.
const KINDS = new Map<string, Exclude<UnitKind, 'union'>>([
  ['支部', 'branch'], ['branch', 'branch'],
  ['職場', 'workplace'], ['分会', 'workplace'], ['workplace', 'workplace'],
  ['班', 'group'], ['グループ', 'group'], ['group', 'group'],
]);

interface UnitLine {
  line: number;
  code: string;
  name: string;
  /** null = column absent (keep an existing unit's parent); '' = under the union. */
  parentCode: string | null;
  kind: Exclude<UnitKind, 'union'> | null;
  ok: boolean;
}

export interface UnitsPlan {
  totalRows: number;
  /** Parent-first, so inserts never reference a unit not yet written. */
  creates: UnitWrite[];
  updates: UnitWrite[];
  unchanged: number;
  problems: RosterProblem[];
  warnings: RosterWarning[];
}

function parseUnits(text: string): { totalRows: number; rows: UnitLine[]; problems: RosterProblem[]; warnings: RosterWarning[] } {
  const read = readCsvTable(text);
  if ('problem' in read) return { totalRows: 0, rows: [], problems: [read.problem], warnings: [] };
  const { table } = read;
  const header = mapHeader<UnitField>(table, UNIT_HEADERS, ['code', 'name']);
  if (header.missing.length > 0) {
    const value = header.missing.join(', ');
    return { totalRows: table.records.length, rows: [], problems: [{ line: table.headerLine, code: 'csv_missing_columns', value, detail: `Missing required columns: ${value}` }], warnings: header.warnings };
  }
  const { columns } = header;
  const problems: RosterProblem[] = [];
  const rows: UnitLine[] = [];
  const seen = new Map<string, number>();
  for (const record of table.records) {
    const before = problems.length;
    const countProblem = columnCountProblem(record, table.header.length);
    if (countProblem) problems.push(countProblem);
    const code = unitKey(cellOf(record, columns, 'code'));
    const name = cellOf(record, columns, 'name');
    const kindCell = cellOf(record, columns, 'kind');
    const kind = kindCell === '' ? null : (KINDS.get(kindCell.normalize('NFKC').trim().toLowerCase()) ?? null);
    const push = (code: RosterProblem['code'], field: UnitField, value: string, detail?: string) =>
      problems.push({ line: record.line, code, field, value: clip(value), ...(detail ? { detail } : {}) });
    if (code === '') push('missing_code', 'code', '');
    else if (code.length > 32) push('too_long', 'code', code);
    else if (seen.has(code)) push('duplicate_code', 'code', code, `Also on line ${seen.get(code)}`);
    else seen.set(code, record.line);
    if (name === '') push('missing_name', 'name', '');
    else if (name.length > 200) push('too_long', 'name', name);
    if (kindCell !== '' && kind === null) push('bad_kind', 'kind', kindCell);
    const parentCode = hasColumn(columns, 'parent') ? unitKey(cellOf(record, columns, 'parent')) : null;
    rows.push({ line: record.line, code, name, parentCode, kind, ok: problems.length === before });
  }
  return { totalRows: table.records.length, rows, problems, warnings: header.warnings };
}

/**
 * Plans a units import: new units are created, existing ones (matched by code)
 * renamed or moved. Parents may come later in the file; moves that would make a
 * unit its own ancestor are refused.
 */
export function planUnits(text: string, units: readonly UnitRow[], rootId: string, scopeRootUnitIds: readonly string[] | undefined): UnitsPlan {
  const parsed = parseUnits(text);
  const tree = new UnitTree(units);
  const inScope = scopeOf(tree, scopeRootUnitIds);
  // Officers manage units below the one they hold, never that unit itself (see shared/permissions.ts).
  const canManage = (id: string) => scopeRootUnitIds === undefined || (inScope(id) && !scopeRootUnitIds.includes(id));
  const problems = parsed.problems;
  const plan: UnitsPlan = { totalRows: parsed.totalRows, creates: [], updates: [], unchanged: 0, problems, warnings: parsed.warnings };
  const fileRows = new Map<string, UnitLine>();
  for (const row of parsed.rows) if (row.code !== '' && !fileRows.has(row.code)) fileRows.set(row.code, row);

  // Every row gets an id (existing or new) so parents can be resolved before anything is written.
  const idOf = new Map<string, string>();
  for (const row of fileRows.values()) idOf.set(row.code, tree.findByCode(row.code)?.id ?? randomUUID());
  const parentOf = new Map<string, string | null>(units.map((u) => [u.id, u.parent_id]));
  const good: UnitLine[] = [];
  for (const row of parsed.rows) {
    const before = problems.length;
    const push = (code: RosterProblem['code'], field: UnitField, value: string, detail: string) =>
      problems.push({ line: row.line, code, field, value: clip(value), detail });
    const existing = row.code === '' ? undefined : tree.findByCode(row.code);
    if (existing !== undefined && existing.archived_at !== null) push('archived_unit', 'code', row.code, 'This unit is archived');
    else if (existing?.parent_id === null) push('unit_out_of_scope', 'code', row.code, 'The union itself is not changed by an import');
    else if (existing && !canManage(existing.id)) push('unit_out_of_scope', 'code', row.code, 'This unit is outside your scope');
    let parentId: string | null = existing?.parent_id ?? rootId;
    if (row.parentCode === '') parentId = rootId;
    else if (row.parentCode !== null) {
      const parentUnit = tree.findByCode(row.parentCode);
      if (fileRows.has(row.parentCode)) parentId = idOf.get(row.parentCode) ?? null;
      else if (!parentUnit) push('unknown_parent', 'parent', row.parentCode, 'No unit has this code');
      else if (parentUnit.archived_at !== null) push('archived_unit', 'parent', row.parentCode, 'The parent unit is archived');
      else parentId = parentUnit.id;
    }
    // A parent from the file is checked on its own row; an existing one must be inside the scope.
    if (parentId !== null && !fileRows.has(row.parentCode ?? '') && problems.length === before && !inScope(parentId)) {
      push('unit_out_of_scope', 'parent', row.parentCode ?? '', 'The parent unit is outside your scope');
    }
    if (!row.ok || problems.length > before) continue;
    parentOf.set(idOf.get(row.code) ?? '', parentId);
    good.push(row);
  }

  for (const row of good) {
    if (createsCycle(idOf.get(row.code) ?? '', parentOf)) {
      problems.push({ line: row.line, code: 'unit_cycle', field: 'parent', value: clip(row.parentCode ?? ''), detail: 'This move would make the unit its own ancestor' });
      continue;
    }
    const id = idOf.get(row.code) ?? '';
    const existing = tree.byId.get(id);
    const write: UnitWrite = { id, code: row.code, name: row.name, parentId: parentOf.get(id) ?? rootId, kind: row.kind ?? existing?.kind ?? 'workplace' };
    if (!existing) plan.creates.push(write);
    else if (existing.name !== write.name || existing.parent_id !== write.parentId || existing.kind !== write.kind) plan.updates.push(write);
    else plan.unchanged++;
  }
  plan.creates = parentFirst(plan.creates);
  problems.sort((a, b) => a.line - b.line);
  return plan;
}

function createsCycle(start: string, parentOf: Map<string, string | null>): boolean {
  const seen = new Set<string>();
  for (let id: string | null | undefined = start; id; id = parentOf.get(id)) {
    if (seen.has(id)) return true;
    seen.add(id);
  }
  return false;
}

/** Orders new units so that each comes after its parent when the parent is new too. */
function parentFirst(creates: UnitWrite[]): UnitWrite[] {
  const byId = new Map(creates.map((u) => [u.id, u]));
  const out: UnitWrite[] = [];
  const done = new Set<string>();
  const visit = (unit: UnitWrite) => {
    if (done.has(unit.id)) return;
    done.add(unit.id);
    const parent = byId.get(unit.parentId);
    if (parent) visit(parent);
    out.push(unit);
  };
  creates.forEach(visit);
  return out;
}
