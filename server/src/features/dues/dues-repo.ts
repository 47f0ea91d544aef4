import type { DuesAccount, DuesFormula, DuesPolicy, DuesRule, EmployerMapping, Exemption } from '@kumiai/shared';
import { Repository } from '../../lib/statements.ts';

export interface DuesMember {
  id: string;
  employee_number: string;
  name: string;
  unit_id: string;
  member_class: string;
  status: 'active' | 'on_leave' | 'left';
}

export interface PolicyRow {
  class_day: 'first' | 'last';
  exempt_when: 'whole_month' | 'any_day' | 'prorate';
  prorate_mode: 'floor' | 'ceil' | 'half_up';
  prorate_unit: number;
  strike_fund: number;
}

export interface RuleRow {
  id: string;
  member_class: string;
  account: DuesAccount;
  from_month: string;
  formula: string;
  created_at: number;
}

export interface RecordRow {
  id: string;
  member_id: string;
  unit_id: string;
  month: string;
  account: DuesAccount;
  expected: number;
  deducted: number;
  paid: number;
  source: string;
}

export interface PaymentDraft {
  memberId: string;
  month: string;
  account: DuesAccount;
  amount: number;
  source: 'checkoff' | 'transfer' | 'cash';
  importId: string | null;
  note: string | null;
}

export const toRule = (r: RuleRow): DuesRule & { account: DuesAccount; createdAt: number } => ({
  id: r.id,
  memberClass: r.member_class,
  from: r.from_month,
  formula: JSON.parse(r.formula) as DuesFormula,
  account: r.account,
  createdAt: r.created_at,
});

/** All of the dues SQL. Bulk reads are one query each; bulk writes are prepared once and run inside the caller's transaction. */
export class DuesRepo extends Repository {
  units(): { id: string; parent_id: string | null; name: string }[] {
    return this.sql('SELECT id, parent_id, name FROM units').all() as { id: string; parent_id: string | null; name: string }[];
  }

  members(): DuesMember[] {
    return this.sql('SELECT id, employee_number, name, unit_id, member_class, status FROM members').all() as DuesMember[];
  }

  member(id: string): DuesMember | undefined {
    return this.sql('SELECT id, employee_number, name, unit_id, member_class, status FROM members WHERE id = ?').get(id) as DuesMember | undefined;
  }

  policy(): PolicyRow | undefined {
    return this.sql('SELECT class_day, exempt_when, prorate_mode, prorate_unit, strike_fund FROM dues_policy WHERE id = 1').get() as PolicyRow | undefined;
  }

  savePolicy(p: DuesPolicy & { strikeFund: boolean }, now: number): void {
    this.sql(
      `INSERT INTO dues_policy (id, class_day, exempt_when, prorate_mode, prorate_unit, strike_fund, updated_at) VALUES (1, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET class_day = excluded.class_day, exempt_when = excluded.exempt_when, prorate_mode = excluded.prorate_mode,
         prorate_unit = excluded.prorate_unit, strike_fund = excluded.strike_fund, updated_at = excluded.updated_at`,
    ).run(p.classDay, p.exemptWhen, p.prorateRounding.mode, p.prorateRounding.unit, p.strikeFund ? 1 : 0, now);
  }

  rules(): RuleRow[] {
    return this.sql('SELECT id, member_class, account, from_month, formula, created_at FROM dues_rules ORDER BY member_class, account, from_month').all() as RuleRow[];
  }

  rule(id: string): RuleRow | undefined {
    return this.sql('SELECT id, member_class, account, from_month, formula, created_at FROM dues_rules WHERE id = ?').get(id) as RuleRow | undefined;
  }

  insertRule(r: { id: string; memberClass: string; account: DuesAccount; from: string; formula: DuesFormula; by: string; now: number }): void {
    this.sql('INSERT INTO dues_rules (id, member_class, account, from_month, formula, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      r.id, r.memberClass, r.account, r.from, JSON.stringify(r.formula), r.by, r.now,
    );
  }

  deleteRule(id: string): void {
    this.sql('DELETE FROM dues_rules WHERE id = ?').run(id);
  }

  /** The latest month with anything recorded (null: none): rules may only start after it. */
  lastRecordedMonth(): string | null {
    return (this.sql('SELECT max(month) FROM dues_records').pluck().get() as string | null) ?? null;
  }

  exemptionsByMember(): Map<string, Exemption[]> {
    const rows = this.sql('SELECT member_id, from_day, to_day, reason FROM dues_exemptions').all() as { member_id: string; from_day: string; to_day: string; reason: string }[];
    const byMember = new Map<string, Exemption[]>();
    for (const r of rows) {
      const list = byMember.get(r.member_id) ?? [];
      list.push({ from: r.from_day, to: r.to_day, reason: r.reason });
      byMember.set(r.member_id, list);
    }
    return byMember;
  }

  exemptions(memberId: string): { id: string; member_id: string; from_day: string; to_day: string; reason: string }[] {
    return this.sql('SELECT id, member_id, from_day, to_day, reason FROM dues_exemptions WHERE member_id = ? ORDER BY from_day').all(memberId) as {
      id: string; member_id: string; from_day: string; to_day: string; reason: string;
    }[];
  }

  exemption(id: string): { id: string; member_id: string } | undefined {
    return this.sql('SELECT id, member_id FROM dues_exemptions WHERE id = ?').get(id) as { id: string; member_id: string } | undefined;
  }

  insertExemption(e: { id: string; memberId: string; from: string; to: string; reason: string; now: number }): void {
    this.sql('INSERT INTO dues_exemptions (id, member_id, from_day, to_day, reason, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(e.id, e.memberId, e.from, e.to, e.reason, e.now);
  }

  deleteExemption(id: string): void {
    this.sql('DELETE FROM dues_exemptions WHERE id = ?').run(id);
  }

  basePays(month: string): Map<string, number> {
    const rows = this.sql('SELECT member_id, amount FROM dues_base_pay WHERE month = ?').all(month) as { member_id: string; amount: number }[];
    return new Map(rows.map((r) => [r.member_id, r.amount]));
  }

  saveBasePays(month: string, rows: readonly { memberId: string; amount: number }[]): void {
    const upsert = this.sql('INSERT INTO dues_base_pay (member_id, month, amount) VALUES (?, ?, ?) ON CONFLICT (member_id, month) DO UPDATE SET amount = excluded.amount');
    for (const r of rows) upsert.run(r.memberId, month, r.amount);
  }

  employers(): EmployerMapping[] {
    const rows = this.sql('SELECT name, employee_column, amount_column, base_pay_column, strike_column FROM dues_employers ORDER BY name').all() as {
      name: string; employee_column: string; amount_column: string; base_pay_column: string | null; strike_column: string | null;
    }[];
    return rows.map((r) => ({ employer: r.name, employeeNumber: r.employee_column, amount: r.amount_column, basePay: r.base_pay_column, strikeAmount: r.strike_column }));
  }

  saveEmployer(m: EmployerMapping, now: number): void {
    this.sql(
      `INSERT INTO dues_employers (name, employee_column, amount_column, base_pay_column, strike_column, updated_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET employee_column = excluded.employee_column, amount_column = excluded.amount_column,
         base_pay_column = excluded.base_pay_column, strike_column = excluded.strike_column, updated_at = excluded.updated_at`,
    ).run(m.employer, m.employeeNumber, m.amount, m.basePay, m.strikeAmount, now);
  }

  /** The members with lines in the earlier import of this employer and month. */
  importMembers(employer: string, month: string): string[] {
    return this.sql('SELECT DISTINCT p.member_id FROM dues_payments p JOIN dues_imports i ON i.id = p.import_id WHERE i.employer = ? AND i.month = ?').pluck().all(employer, month) as string[];
  }

  /** Removes an earlier import of this employer and month with its lines; true when there was one. */
  dropImport(employer: string, month: string): boolean {
    const old = this.sql('SELECT id FROM dues_imports WHERE employer = ? AND month = ?').pluck().get(employer, month) as string | undefined;
    if (old === undefined) return false;
    this.sql('DELETE FROM dues_payments WHERE import_id = ?').run(old);
    this.sql('DELETE FROM dues_imports WHERE id = ?').run(old);
    return true;
  }

  insertImport(i: { id: string; employer: string; month: string; rows: number; matched: number; by: string; now: number }): void {
    this.sql('INSERT INTO dues_imports (id, employer, month, rows, matched, applied_by, applied_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(i.id, i.employer, i.month, i.rows, i.matched, i.by, i.now);
  }

  insertPayments(payments: readonly PaymentDraft[], by: string, now: number): void {
    const insert = this.sql('INSERT INTO dues_payments (member_id, month, account, amount, source, import_id, note, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    for (const p of payments) insert.run(p.memberId, p.month, p.account, p.amount, p.source, p.importId, p.note, by, now);
  }

  /** Received per member and account in a month, split by source. */
  receivedIn(month: string): { member_id: string; account: DuesAccount; source: 'checkoff' | 'transfer' | 'cash'; amount: number }[] {
    return this.sql('SELECT member_id, account, source, sum(amount) AS amount FROM dues_payments WHERE month = ? GROUP BY member_id, account, source').all(month) as {
      member_id: string; account: DuesAccount; source: 'checkoff' | 'transfer' | 'cash'; amount: number;
    }[];
  }

  recordsIn(month: string): RecordRow[] {
    return this.sql('SELECT id, member_id, unit_id, month, account, expected, deducted, paid, source FROM dues_records WHERE month = ?').all(month) as RecordRow[];
  }

  recordsBetween(from: string, to: string): RecordRow[] {
    return this.sql('SELECT id, member_id, unit_id, month, account, expected, deducted, paid, source FROM dues_records WHERE month >= ? AND month <= ? ORDER BY month, member_id, account').all(from, to) as RecordRow[];
  }

  recordsOf(memberId: string, from: string, to: string): RecordRow[] {
    return this.sql('SELECT id, member_id, unit_id, month, account, expected, deducted, paid, source FROM dues_records WHERE member_id = ? AND month >= ? AND month <= ? ORDER BY month, account').all(memberId, from, to) as RecordRow[];
  }

  /** Writes records; a row that did not change is not touched (so sync sends nothing for it). */
  upsertRecords(rows: readonly RecordRow[], now: number): number {
    const upsert = this.sql(
      `INSERT INTO dues_records (id, member_id, unit_id, month, account, expected, deducted, paid, source, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET unit_id = excluded.unit_id, expected = excluded.expected, deducted = excluded.deducted, paid = excluded.paid,
         source = excluded.source, updated_at = excluded.updated_at
       WHERE unit_id IS NOT excluded.unit_id OR expected IS NOT excluded.expected OR deducted IS NOT excluded.deducted OR paid IS NOT excluded.paid OR source IS NOT excluded.source`,
    );
    let changed = 0;
    for (const r of rows) changed += upsert.run(r.id, r.member_id, r.unit_id, r.month, r.account, r.expected, r.deducted, r.paid, r.source, now).changes;
    return changed;
  }
}
