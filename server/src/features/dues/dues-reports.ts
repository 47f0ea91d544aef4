import type { Actor, ArrearsRow, DuesAccount, MyDuesYear, UnitTotals, YearSummary } from '@kumiai/shared';
import { toExcelCsv } from '../../lib/csv-export.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import type { Mutate } from '../../lib/mutate.ts';
import { scopeOf, unitPaths } from './dues-context.ts';
import type { DuesRepo, RecordRow } from './dues-repo.ts';

type Sums = Record<DuesAccount, { expected: number; received: number }>;
const emptySums = (): Sums => ({ general: { expected: 0, received: 0 }, strike: { expected: 0, received: 0 } });
const received = (r: RecordRow) => r.deducted + r.paid;

/** Months from one 'YYYY-MM' to another (0: the same month). */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  return (ty - fy) * 12 + (tm - fm);
}

/** Totals, the yearly summary, arrears, a member's own year and the CSV exports: all read from dues_records, filtered by scope. */
export class DuesReports {
  constructor(
    private readonly repo: DuesRepo,
    private readonly mutate: Mutate,
  ) {}

  /** The records in the actor's dues.read scope between two months, with the unit paths. */
  private scoped(actor: Actor, from: string, to: string): { rows: RecordRow[]; paths: Map<string, string[]>; roots: string[] } {
    const roots = scopeOf(actor, 'dues.read');
    const paths = unitPaths(this.repo);
    const rows = this.repo.recordsBetween(from, to).filter((r) => roots.some((root) => (paths.get(r.unit_id) ?? []).includes(root)));
    return { rows, paths, roots };
  }

  /** Each unit in scope with its whole subtree's expected and received (a record counts for its unit and every unit above it). */
  totals(actor: Actor, month: string): UnitTotals[] {
    const { rows, paths, roots } = this.scoped(actor, month, month);
    const units = this.repo.units();
    const byUnit = new Map<string, UnitTotals>();
    for (const u of units) {
      const path = paths.get(u.id) ?? [];
      if (!roots.some((root) => path.includes(root))) continue;
      byUnit.set(u.id, {
        unitId: u.id, unitName: u.name, parentId: u.parent_id,
        accounts: { general: { expected: 0, received: 0, members: 0 }, strike: { expected: 0, received: 0, members: 0 } },
      });
    }
    for (const r of rows) {
      for (const unitId of paths.get(r.unit_id) ?? []) {
        const t = byUnit.get(unitId);
        if (!t) continue;
        const a = t.accounts[r.account];
        a.expected += r.expected;
        a.received += received(r);
        a.members++;
      }
    }
    return [...byUnit.values()];
  }

  summary(actor: Actor, year: string, unitId: string): YearSummary {
    const { rows, paths } = this.scoped(actor, `${year}-01`, `${year}-12`);
    if (!paths.has(unitId)) throw notFound('No such unit');
    const months = Array.from({ length: 12 }, (_, i) => ({ month: `${year}-${String(i + 1).padStart(2, '0')}`, accounts: emptySums() }));
    const total = emptySums();
    for (const r of rows) {
      if (!(paths.get(r.unit_id) ?? []).includes(unitId)) continue;
      const m = months[Number(r.month.slice(5)) - 1];
      if (!m) continue;
      for (const sums of [m.accounts, total]) {
        sums[r.account].expected += r.expected;
        sums[r.account].received += received(r);
      }
    }
    return { year, unitId, months, total };
  }

  /** Members in scope whose received is short of expected in some month up to `asOf`; age from the oldest such month. */
  arrears(actor: Actor, asOf: string): ArrearsRow[] {
    const { rows } = this.scoped(actor, '0000-01', asOf);
    const members = new Map(this.repo.members().map((m) => [m.id, m]));
    const byMember = new Map<string, ArrearsRow>();
    for (const r of rows) {
      const short = r.expected - received(r);
      if (short <= 0) continue;
      const m = members.get(r.member_id);
      let row = byMember.get(r.member_id);
      if (!row) {
        row = { memberId: r.member_id, employeeNumber: m?.employee_number ?? '', name: m?.name ?? '', unitId: m?.unit_id ?? r.unit_id, outstanding: 0, months: 0, oldestMonth: r.month, ageMonths: 0 };
        byMember.set(r.member_id, row);
      }
      row.outstanding += short;
      row.months++;
      if (r.month < row.oldestMonth) row.oldestMonth = r.month;
    }
    const list = [...byMember.values()];
    for (const row of list) row.ageMonths = monthsBetween(row.oldestMonth, asOf);
    return list.sort((a, b) => b.ageMonths - a.ageMonths || b.outstanding - a.outstanding || a.employeeNumber.localeCompare(b.employeeNumber));
  }

  /** A member's own year, with what was deducted and paid per account (the figure for a tax return note). */
  mine(actor: Actor, year: string): MyDuesYear {
    if (actor.status === 'left') throw new AppError('forbidden', 403, 'Not allowed');
    const rows = this.repo.recordsOf(actor.memberId, `${year}-01`, `${year}-12`);
    const total: Record<DuesAccount, number> = { general: 0, strike: 0 };
    for (const r of rows) total[r.account] += received(r);
    return { year, months: rows.map((r) => ({ month: r.month, account: r.account, expected: r.expected, deducted: r.deducted, paid: r.paid })), total };
  }

  /** Per member and month (a month or a whole year): UTF-8 with BOM, formula-safe; audited with the row count. */
  exportRecords(actor: Actor, period: { month: string } | { year: string }): { filename: string; body: Buffer } {
    const [from, to, label] = 'month' in period ? [period.month, period.month, period.month] : [`${period.year}-01`, `${period.year}-12`, period.year];
    const { rows } = this.scoped(actor, from, to);
    const members = new Map(this.repo.members().map((m) => [m.id, m]));
    const units = new Map(this.repo.units().map((u) => [u.id, u.name]));
    const body = this.mutate(actor, { checks: [], audit: { action: 'dues.exported', target: null, detail: { period: label, rows: rows.length, kind: 'members' } } }, () =>
      toExcelCsv(
        ['社員番号', '氏名', '所属', '月', '勘定', '予定額', '控除額', '直接納入額', '未納額'],
        rows.map((r) => {
          const m = members.get(r.member_id);
          return [m?.employee_number ?? '', m?.name ?? '', units.get(r.unit_id) ?? r.unit_id, r.month, r.account === 'strike' ? '闘争資金' : '一般会計', r.expected, r.deducted, r.paid, Math.max(0, r.expected - received(r))];
        }),
      ),
    );
    return { filename: `dues-${label}.csv`, body };
  }

  /** Per unit (its subtree) and month of a year. */
  exportTotals(actor: Actor, year: string): { filename: string; body: Buffer } {
    const lines: (string | number)[][] = [];
    for (let i = 1; i <= 12; i++) {
      const month = `${year}-${String(i).padStart(2, '0')}`;
      for (const t of this.totals(actor, month)) {
        for (const account of ['general', 'strike'] as const) {
          const a = t.accounts[account];
          if (a.members === 0) continue;
          lines.push([t.unitName, month, account === 'strike' ? '闘争資金' : '一般会計', a.members, a.expected, a.received, a.expected - a.received]);
        }
      }
    }
    const body = this.mutate(actor, { checks: [], audit: { action: 'dues.exported', target: null, detail: { period: year, rows: lines.length, kind: 'units' } } }, () =>
      toExcelCsv(['単位', '月', '勘定', '人数', '予定額', '収納額', '差額'], lines),
    );
    return { filename: `dues-units-${year}.csv`, body };
  }
}
