import type { CheckoffMismatch, CheckoffMissing, CheckoffProblem, CheckoffReport, DuesAccount, EmployerMapping } from '@kumiai/shared';
import { AppError } from '../../lib/errors.ts';
import { cellOf, columnCountProblem, decodeCsv, mapHeader, readCsvTable } from '../roster/index.ts';
import type { MonthContext } from './dues-context.ts';
import type { DuesMember, PaymentDraft } from './dues-repo.ts';

type Field = 'employeeNumber' | 'amount' | 'basePay' | 'strikeAmount';

/** Header texts recognised without a mapping (compared after NFKC, lowercase, no spaces or punctuation). */
export const CHECKOFF_HEADERS: Record<Field, readonly string[]> = {
  employeeNumber: ['社員番号', '従業員番号', '職員番号', '社員コード', '個人番号', 'employee number', 'employee no', 'employee id'],
  amount: ['組合費', '控除額', '組合費控除額', '控除金額', '金額', 'amount', 'dues', 'deduction'],
  basePay: ['基本給', '本給', 'base pay', 'basic pay'],
  strikeAmount: ['闘争資金', '闘争積立金', 'strike fund'],
};

export type ColumnChoice = Partial<Record<Field, string>>;

/** A correction made in the app to one cell of a reported row. */
export interface CheckoffFix {
  line: number;
  field: Field;
  value: string;
}

/** `LINE:FIELD:VALUE` (the query's `fix`, pattern-checked by its schema) → a fix; the value may hold colons. */
export function parseFix(raw: string): CheckoffFix {
  const [line = '', field = '', ...rest] = raw.split(':');
  return { line: Number(line), field: field as Field, value: rest.join(':') };
}

/** 1,234 / "¥1,234" / full-width digits → 1234; anything else (negative, decimals, text) → null. */
export function parseYen(raw: string): number | null {
  const text = raw.normalize('NFKC').replace(/[,¥\\円\s]/g, '');
  if (!/^\d{1,9}$/.test(text)) return null;
  return Number(text);
}

export interface CheckoffPlan {
  report: CheckoffReport;
  payments: PaymentDraft[];
  basePays: { memberId: string; amount: number }[];
  /** Members in scope whose month is (re)computed on apply. */
  scopeMembers: DuesMember[];
}

/**
 * Reads the employer's file and compares it with the rules: one pass over the
 * rows with maps by employee number (no row searches another), then one pass
 * over the members in scope for those with no deduction.
 */
export function planCheckoff(
  body: Buffer,
  input: { employer: string; month: string; columns: ColumnChoice; fixes?: readonly CheckoffFix[] },
  ctx: MonthContext,
  members: readonly DuesMember[],
  roots: readonly string[],
): CheckoffPlan {
  const decoded = decodeCsv(body);
  const mapping: EmployerMapping = { employer: input.employer, employeeNumber: '', amount: '', basePay: null, strikeAmount: null };
  const problems: CheckoffProblem[] = [];
  const mismatches: CheckoffMismatch[] = [];
  const totals: Record<DuesAccount, number> = { general: 0, strike: 0 };
  const payments: PaymentDraft[] = [];
  const basePays: { memberId: string; amount: number }[] = [];
  const scopeMembers = members.filter((m) => m.status !== 'left' && ctx.inScope(m, roots));
  const report: CheckoffReport = {
    employer: input.employer, month: input.month, encoding: decoded.encoding, mapping, rows: 0, matched: 0, totals, problems, mismatches, missing: [], blocked: false,
  };
  const read = readCsvTable(decoded.text);
  if ('problem' in read) {
    problems.push({ line: read.problem.line, code: 'malformed', detail: read.problem.detail ?? read.problem.code });
    report.blocked = true;
    return { report, payments: [], basePays: [], scopeMembers };
  }
  const { table } = read;
  const aliases = Object.fromEntries(
    (Object.keys(CHECKOFF_HEADERS) as Field[]).map((f) => [f, input.columns[f] !== undefined ? [input.columns[f]] : CHECKOFF_HEADERS[f]]),
  ) as Record<Field, readonly string[]>;
  const header = mapHeader<Field>(table, aliases, ['employeeNumber', 'amount']);
  if (header.missing.length > 0) {
    throw new AppError('checkoff_columns_missing', 400, `No column for ${header.missing.join(', ')} in the header (${table.header.join(', ')})`);
  }
  const nameOf = (f: Field) => {
    const i = header.columns[f];
    return i === undefined ? null : (table.header[i] ?? '').trim();
  };
  mapping.employeeNumber = nameOf('employeeNumber') ?? '';
  mapping.amount = nameOf('amount') ?? '';
  mapping.basePay = nameOf('basePay');
  mapping.strikeAmount = nameOf('strikeAmount');
  if (mapping.strikeAmount !== null && !ctx.settings.strikeFund) {
    throw new AppError('dues_account_unknown', 400, 'The file has a strike-fund column but the union keeps no strike fund account');
  }

  const fixes = input.fixes ?? [];
  if (fixes.length > 0) {
    report.fixed = applyFixes(table.records, header.columns, fixes);
  }

  const inScope = new Map(scopeMembers.map((m) => [m.employee_number, m]));
  const firstLine = new Map<string, number>();
  const deducted = new Set<string>();
  report.rows = table.records.length;
  for (const record of table.records) {
    const broken = columnCountProblem(record, table.header.length);
    if (broken) {
      problems.push({ line: record.line, code: 'malformed', detail: broken.detail ?? 'wrong column count' });
      continue;
    }
    const employeeNumber = cellOf(record, header.columns, 'employeeNumber').normalize('NFKC');
    if (employeeNumber === '') {
      problems.push({ line: record.line, code: 'malformed', detail: 'No employee number' });
      continue;
    }
    const seen = firstLine.get(employeeNumber);
    if (seen !== undefined) {
      problems.push({ line: record.line, code: 'duplicate', employeeNumber, firstLine: seen });
      continue;
    }
    firstLine.set(employeeNumber, record.line);
    const amounts: [DuesAccount, number | null][] = [['general', parseYen(cellOf(record, header.columns, 'amount'))]];
    if (mapping.strikeAmount !== null) {
      const raw = cellOf(record, header.columns, 'strikeAmount');
      amounts.push(['strike', raw === '' ? 0 : parseYen(raw)]);
    }
    const rawPay = mapping.basePay === null ? '' : cellOf(record, header.columns, 'basePay');
    const basePay = rawPay === '' ? undefined : parseYen(rawPay);
    if (amounts.some(([, a]) => a === null) || basePay === null) {
      problems.push({ line: record.line, code: 'malformed', employeeNumber, detail: 'An amount is not a whole number of yen' });
      continue;
    }
    const member = inScope.get(employeeNumber);
    if (!member) {
      problems.push({ line: record.line, code: 'unmatched', employeeNumber });
      continue;
    }
    report.matched++;
    deducted.add(member.id);
    if (basePay !== undefined) basePays.push({ memberId: member.id, amount: basePay });
    for (const [account, amount] of amounts as [DuesAccount, number][]) {
      totals[account] += amount;
      if (amount > 0) payments.push({ memberId: member.id, month: input.month, account, amount, source: 'checkoff', importId: null, note: null });
      const rule = ctx.expected(member, account, basePay);
      if (rule.amount !== amount) {
        mismatches.push({ line: record.line, employeeNumber, memberId: member.id, account, deducted: amount, expected: rule.amount, ...('problem' in rule ? { ruleProblem: rule.problem } : {}) });
      }
    }
  }
  const missing: CheckoffMissing[] = [];
  for (const m of scopeMembers) {
    if (deducted.has(m.id)) continue;
    for (const account of ctx.accounts) {
      const expected = ctx.expected(m, account).amount;
      if (expected > 0) missing.push({ memberId: m.id, employeeNumber: m.employee_number, account, expected });
    }
  }
  report.missing = missing;
  report.blocked = problems.length > 0;
  return { report, payments, basePays, scopeMembers };
}

/**
 * Writes the corrections into the rows before they are read: the row whose
 * reported line it names, the column of its field. A line the file does not
 * have or a column it lacks is refused (the treasurer fixed a stale report).
 */
function applyFixes(records: { line: number; cells: string[] }[], columns: Partial<Record<Field, number>>, fixes: readonly CheckoffFix[]): number {
  const byLine = new Map(records.map((r) => [r.line, r]));
  for (const fix of fixes) {
    const record = byLine.get(fix.line);
    const index = columns[fix.field];
    if (!record || index === undefined) {
      throw new AppError('checkoff_fix_invalid', 400, `No row on line ${fix.line} with a ${fix.field} column`);
    }
    while (record.cells.length <= index) record.cells.push('');
    record.cells[index] = fix.value;
  }
  return fixes.length;
}
