import { randomUUID } from 'node:crypto';
import { canManageMember, type Actor, type Role } from '@kumiai/shared';
import type { MemberEventDraft, MemberRow, MemberWrite, UnitRow } from './roster-repo.ts';
import type { ParsedRoster, RosterRow } from './roster-parse.ts';
import { clip, type MissingMember, type RosterProblem, type RosterWarning } from './roster-types.ts';
import { scopeOf, UnitTree } from './unit-tree.ts';

export interface RosterPlan {
  creates: MemberWrite[];
  updates: MemberWrite[];
  unchanged: number;
  problems: RosterProblem[];
  warnings: RosterWarning[];
  missing: MissingMember[];
}

/**
 * Decides what an import would do, from the parsed file and the current
 * tables, without writing. The dry run reports this plan; apply recomputes it
 * inside its write transaction and writes exactly it.
 */
export function planRoster(
  parsed: ParsedRoster,
  snapshot: { units: readonly UnitRow[]; members: readonly MemberRow[]; grants: ReadonlyMap<string, readonly { role: Role; unitId: string }[]> },
  scopeRootUnitIds: readonly string[] | undefined,
  actor?: Actor,
): RosterPlan {
  const tree = new UnitTree(snapshot.units);
  const inScope = scopeOf(tree, scopeRootUnitIds);
  const byNumber = new Map(snapshot.members.map((m) => [m.employee_number, m]));
  const zeroPadded = paddedNumbers(snapshot.members);
  const problems = [...parsed.problems];
  const warnings = [...parsed.warnings];
  const warnedLines = new Set(warnings.filter((w) => w.code === 'leading_zeros_stripped').map((w) => w.line));
  const plan: RosterPlan = { creates: [], updates: [], unchanged: 0, problems, warnings, missing: [] };

  for (const row of parsed.rows) {
    const before = problems.length;
    const unitId = row.unitRef === '' ? null : resolveUnit(row, tree, inScope, problems);
    const existing = row.employeeNumber === '' ? undefined : byNumber.get(row.employeeNumber);
    if (existing && !inScope(existing.unit_id)) {
      problems.push({ line: row.line, code: 'member_out_of_scope', field: 'employeeNumber', value: row.employeeNumber, detail: 'This member belongs to a unit outside your scope' });
    }
    if (!existing && !warnedLines.has(row.line)) {
      const padded = zeroPadded.get(row.employeeNumber);
      if (padded !== undefined) {
        warnings.push({ line: row.line, code: 'leading_zeros_stripped', field: 'employeeNumber', value: row.employeeNumber, detail: `Existing member ${padded} has this number with leading zeros; this row would add a new member` });
      }
    }
    if (!row.ok || problems.length > before || unitId === null) continue;
    if (!existing) plan.creates.push(createWrite(row, unitId));
    else {
      const write = updateWrite(existing, row, unitId);
      if (write && actor && !mayChange(actor, existing, tree, snapshot.grants)) {
        problems.push({ line: row.line, code: 'member_holds_higher_role', field: 'employeeNumber', value: row.employeeNumber, detail: 'This member holds a role you cannot grant; only someone who can changes them' });
      } else if (write) plan.updates.push(write);
      else plan.unchanged++;
    }
  }

  const inFile = new Set(parsed.rows.map((row) => row.employeeNumber));
  for (const member of snapshot.members) {
    // "Missing" means a current member (active or on leave) the file no longer lists; those who left are expected to be absent.
    if (member.status === 'left' || inFile.has(member.employee_number) || !inScope(member.unit_id)) continue;
    plan.missing.push({ employeeNumber: member.employee_number, name: member.name, unitId: member.unit_id });
  }
  plan.missing.sort((a, b) => a.employeeNumber.localeCompare(b.employeeNumber));
  problems.sort((a, b) => a.line - b.line);
  warnings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return plan;
}

/** The shared member-management rule, on the import's in-memory tree. */
function mayChange(actor: Actor, member: MemberRow, tree: UnitTree, grants: ReadonlyMap<string, readonly { role: Role; unitId: string }[]>): boolean {
  const held = (grants.get(member.id) ?? []).map((g) => ({ role: g.role, unitPath: tree.path(g.unitId) }));
  return canManageMember(actor, 'member.import', { memberId: member.id, unitPath: tree.path(member.unit_id), grants: held });
}

function resolveUnit(row: RosterRow, tree: UnitTree, inScope: (id: string) => boolean, problems: RosterProblem[]): string | null {
  const found = tree.resolve(row.unitRef);
  if ('problem' in found) {
    problems.push({ line: row.line, code: found.problem, field: 'unit', value: clip(row.unitRef) });
    return null;
  }
  if (!inScope(found.unit.id)) {
    problems.push({ line: row.line, code: 'unit_out_of_scope', field: 'unit', value: clip(row.unitRef), detail: 'This unit is outside your scope' });
    return null;
  }
  return found.unit.id;
}

/** Existing numbers with leading zeros, keyed by the number Excel would leave (001234 → 1234). */
function paddedNumbers(members: readonly MemberRow[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const { employee_number: number } of members) {
    if (!/^0+\d/.test(number)) continue;
    out.set(number.replace(/^0+/, ''), number);
  }
  return out;
}

function createWrite(row: RosterRow, unitId: string): MemberWrite {
  const member: MemberRow = {
    id: randomUUID(),
    employee_number: row.employeeNumber,
    name: row.name,
    name_kana: row.kana ?? '',
    unit_id: unitId,
    member_class: row.memberClass ?? 'regular',
    status: row.status ?? 'active',
    email: row.email,
    phone: row.phone,
    joined_on: row.joinedOn,
  };
  const joined: MemberEventDraft = { kind: 'joined', fromUnit: null, toUnit: unitId, fromStatus: null, toStatus: member.status, effectiveOn: row.joinedOn };
  return { member, events: [joined] };
}

const OTHER_FIELDS = ['name', 'name_kana', 'member_class', 'email', 'phone', 'joined_on'] as const;

/** The changed member and its history events, or null when the row changes nothing. */
function updateWrite(existing: MemberRow, row: RosterRow, unitId: string): MemberWrite | null {
  // Empty optional cells keep the current value (see RosterRow).
  const next: MemberRow = {
    ...existing,
    name: row.name,
    unit_id: unitId,
    name_kana: row.kana ?? existing.name_kana,
    member_class: row.memberClass ?? existing.member_class,
    status: row.status ?? existing.status,
    email: row.email ?? existing.email,
    phone: row.phone ?? existing.phone,
    joined_on: row.joinedOn ?? existing.joined_on,
  };
  const events: MemberEventDraft[] = [];
  const none = { fromUnit: null, toUnit: null, fromStatus: null, toStatus: null, effectiveOn: null };
  if (next.unit_id !== existing.unit_id) events.push({ ...none, kind: 'transferred', fromUnit: existing.unit_id, toUnit: next.unit_id });
  if (next.status !== existing.status) events.push({ ...none, kind: 'status_changed', fromStatus: existing.status, toStatus: next.status });
  if (OTHER_FIELDS.some((field) => next[field] !== existing[field])) events.push({ ...none, kind: 'updated' });
  return events.length > 0 ? { member: next, events } : null;
}
