import type { DuesAccount, DuesDoc, DuesSource } from '@kumiai/shared';

/** How a month stands: fully received, part of it, nothing yet, more than asked, or nothing was due (an exemption). */
export type MonthState = 'paid' | 'short' | 'unpaid' | 'over' | 'none_due';

export interface MonthLine {
  id: string;
  month: string;
  account: DuesAccount;
  expected: number;
  deducted: number;
  paid: number;
  source: DuesSource;
  state: MonthState;
  /** What is still owed for the month (0 when nothing is). */
  shortfall: number;
}

export interface DuesYearView {
  year: string;
  /** Newest month first; the general account before the strike fund within a month. */
  lines: MonthLine[];
  /** Deducted and paid in the year, per account: the figure for a tax return note. */
  total: Record<DuesAccount, number>;
}

export interface Arrears {
  amount: number;
  months: number;
  oldestMonth: string | null;
}

export function monthState(expected: number, received: number): MonthState {
  if (expected === 0 && received === 0) return 'none_due';
  if (received === expected) return 'paid';
  if (received > expected) return 'over';
  return received === 0 ? 'unpaid' : 'short';
}

export function lineOf(doc: Pick<DuesDoc, 'id' | 'month' | 'account' | 'expected' | 'deducted' | 'paid' | 'source'>): MonthLine {
  const received = doc.deducted + doc.paid;
  return {
    id: doc.id, month: doc.month, account: doc.account, expected: doc.expected, deducted: doc.deducted, paid: doc.paid, source: doc.source,
    state: monthState(doc.expected, received), shortfall: Math.max(0, doc.expected - received),
  };
}

const accountOrder: Record<DuesAccount, number> = { general: 0, strike: 1 };

/** One member's records grouped by year, newest year first. */
export function duesYears(docs: readonly DuesDoc[]): DuesYearView[] {
  const years = new Map<string, DuesYearView>();
  for (const doc of docs) {
    const year = doc.month.slice(0, 4);
    let view = years.get(year);
    if (!view) {
      view = { year, lines: [], total: { general: 0, strike: 0 } };
      years.set(year, view);
    }
    view.lines.push(lineOf(doc));
    view.total[doc.account] += doc.deducted + doc.paid;
  }
  for (const view of years.values()) {
    view.lines.sort((a, b) => (a.month === b.month ? accountOrder[a.account] - accountOrder[b.account] : a.month < b.month ? 1 : -1));
  }
  return [...years.values()].sort((a, b) => (a.year < b.year ? 1 : -1));
}

/** What the member still owes over every recorded month (credits in one month never cancel another's shortfall, as the server counts). */
export function arrearsOf(docs: readonly DuesDoc[]): Arrears {
  let amount = 0;
  const months = new Set<string>();
  let oldestMonth: string | null = null;
  for (const doc of docs) {
    const short = doc.expected - doc.deducted - doc.paid;
    if (short <= 0) continue;
    amount += short;
    months.add(doc.month);
    if (oldestMonth === null || doc.month < oldestMonth) oldestMonth = doc.month;
  }
  return { amount, months: months.size, oldestMonth };
}
