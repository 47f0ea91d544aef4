import type { CheckoffMismatch, CheckoffMissing, CheckoffProblem, CheckoffReport } from '@kumiai/shared';

/** Why a row could not be read, in words the screen has a text for (the server's detail is for logs, never shown). */
export type MalformedReason = 'amount' | 'number' | 'columns' | 'unreadable';

export function malformedReason(detail: string | undefined): MalformedReason {
  if (detail === undefined) return 'unreadable';
  if (/amount/i.test(detail)) return 'amount';
  if (/employee number/i.test(detail)) return 'number';
  if (/column/i.test(detail)) return 'columns';
  return 'unreadable';
}

/** A correction of one reported row: the cells the treasurer typed (blank: left as in the file). */
export interface RowFix {
  line: number;
  employeeNumber?: string;
  amount?: string;
}

export interface ReportGroups {
  /** Rows that stop the import until fixed, by kind, in line order. */
  unmatched: CheckoffProblem[];
  duplicate: CheckoffProblem[];
  malformed: (CheckoffProblem & { reason: MalformedReason })[];
  /** Deductions that differ from the rule (recorded as deducted). */
  mismatches: CheckoffMismatch[];
  /** Members the rules expect to pay who have no row. */
  missing: CheckoffMissing[];
  /** Problems in all (what blocks apply). */
  blocking: number;
}

const byLine = (a: { line: number }, b: { line: number }) => a.line - b.line;

export function reportGroups(report: CheckoffReport): ReportGroups {
  const of = (code: CheckoffProblem['code']) => report.problems.filter((p) => p.code === code).sort(byLine);
  return {
    unmatched: of('unmatched'),
    duplicate: of('duplicate'),
    malformed: of('malformed').map((p) => ({ ...p, reason: malformedReason(p.detail) })),
    mismatches: [...report.mismatches].sort(byLine),
    missing: [...report.missing].sort((a, b) => a.employeeNumber.localeCompare(b.employeeNumber)),
    blocking: report.problems.length,
  };
}

/**
 * The query's `fix` values for the corrections so far: `LINE:FIELD:VALUE` per
 * typed cell (trimmed; an empty one is no correction), one fix per line and field,
 * the latest winning, in line order.
 */
export function fixParams(fixes: readonly RowFix[]): string[] {
  const latest = new Map<number, RowFix>();
  for (const fix of fixes) latest.set(fix.line, { ...latest.get(fix.line), ...stripEmpty(fix) });
  return [...latest.values()]
    .sort(byLine)
    .flatMap((fix) => (['employeeNumber', 'amount'] as const).flatMap((field) => (fix[field] === undefined ? [] : [`${fix.line}:${field}:${fix[field]}`])));
}

function stripEmpty(fix: RowFix): RowFix {
  const out: RowFix = { line: fix.line };
  const number = fix.employeeNumber?.trim();
  const amount = fix.amount?.trim();
  if (number) out.employeeNumber = number;
  if (amount) out.amount = amount;
  return out;
}

/** The check-off route's query: the mapping's chosen columns (blank: the server's defaults or the remembered ones) and every fix. */
export function checkoffQuery(mode: 'dry-run' | 'apply', input: { employer: string; month: string; columns: Partial<Record<'employeeNumber' | 'amount' | 'basePay' | 'strikeAmount', string>>; fixes: readonly RowFix[] }): string {
  const params = new URLSearchParams({ mode, employer: input.employer.trim(), month: input.month });
  for (const [field, header] of Object.entries(input.columns)) if (header) params.set(field, header);
  for (const fix of fixParams(input.fixes)) params.append('fix', fix);
  return `?${params.toString()}`;
}
