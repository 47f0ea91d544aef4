import { normalizeEmployeeNumber } from '@kumiai/shared';
import { cellOf, columnCountProblem, hasColumn, mapHeader, readCsvTable } from './csv-table.ts';
import { clip, type RosterProblem, type RosterWarning } from './roster-types.ts';

export type RosterField = 'employeeNumber' | 'name' | 'kana' | 'unit' | 'memberClass' | 'status' | 'joinedOn' | 'email' | 'phone';
export type MemberStatus = 'active' | 'on_leave' | 'left';

/** Header names as HR departments write them; compared after NFKC, lowercasing and dropping spaces/punctuation. */
export const ROSTER_HEADERS: Record<RosterField, readonly string[]> = {
  employeeNumber: ['社員番号', '従業員番号', '社員No', '社員ＮＯ', '職員番号', 'employee number', 'employee_no', 'employee id'],
  name: ['氏名', '名前', 'name', 'full name'],
  kana: ['フリガナ', 'ふりがな', 'カナ', '氏名カナ', 'kana', 'name (kana)'],
  unit: ['所属', '職場', '分会', '支部', '所属コード', 'unit', 'workplace', 'unit code'],
  memberClass: ['組合員区分', '区分', 'class', 'member class'],
  status: ['状態', 'ステータス', 'status'],
  joinedOn: ['加入日', '入社日', 'joined', 'join date'],
  email: ['メール', 'メールアドレス', 'email', 'e-mail'],
  phone: ['電話', '電話番号', '携帯', 'phone', 'mobile'],
};
const REQUIRED: readonly RosterField[] = ['employeeNumber', 'name', 'unit'];

// A Map, not an object literal: a cell reading "constructor" must not find Object.prototype.
const STATUS_VALUES = new Map<string, MemberStatus>([
  ['在籍', 'active'], ['在職', 'active'], ['active', 'active'],
  ['休職', 'on_leave'], ['休職中', 'on_leave'], ['onleave', 'on_leave'],
  ['退職', 'left'], ['脱退', 'left'], ['left', 'left'],
]);

/** Column lengths: generous for real data, small enough that a pasted document is refused. */
const MAX_LENGTH: Partial<Record<RosterField, number>> = { employeeNumber: 32, name: 200, kana: 200, memberClass: 50, email: 254, phone: 40, unit: 200 };

/**
 * One data row. Optional fields are null when the column is absent or the cell
 * empty: an import then keeps what the member record already has, so a roster
 * without e-mails never erases contact details members entered themselves.
 */
export interface RosterRow {
  line: number;
  employeeNumber: string;
  name: string;
  unitRef: string;
  kana: string | null;
  memberClass: string | null;
  status: MemberStatus | null;
  joinedOn: string | null;
  email: string | null;
  phone: string | null;
  /** False when parsing already found a problem on this row. */
  ok: boolean;
}

export interface ParsedRoster {
  totalRows: number;
  rows: RosterRow[];
  problems: RosterProblem[];
  warnings: RosterWarning[];
}

export function parseRoster(text: string): ParsedRoster {
  const read = readCsvTable(text);
  if ('problem' in read) return { totalRows: 0, rows: [], problems: [read.problem], warnings: [] };
  const { table } = read;
  const header = mapHeader(table, ROSTER_HEADERS, REQUIRED);
  if (header.missing.length > 0) {
    const problem: RosterProblem = { line: table.headerLine, code: 'csv_missing_columns', value: header.missing.join(', '), detail: `Missing required columns: ${header.missing.join(', ')}` };
    return { totalRows: table.records.length, rows: [], problems: [problem], warnings: header.warnings };
  }
  const { columns } = header;
  const problems: RosterProblem[] = [];
  const rows: RosterRow[] = [];
  const firstLineOf = new Map<string, number>();
  for (const record of table.records) {
    const before = problems.length;
    const report = (code: RosterProblem['code'], field: RosterField, value: string, detail?: string) =>
      problems.push({ line: record.line, code, field, value: clip(value), ...(detail ? { detail } : {}) });
    const countProblem = columnCountProblem(record, table.header.length);
    if (countProblem) problems.push(countProblem);
    const cell = (field: RosterField) => {
      const value = cellOf(record, columns, field);
      const max = MAX_LENGTH[field];
      if (max !== undefined && value.length > max) report('too_long', field, value, `Longer than ${max} characters`);
      return value;
    };

    const employeeNumber = normalizeEmployeeNumber(cell('employeeNumber'));
    const name = cell('name');
    const unitRef = cell('unit');
    if (employeeNumber === '') report('missing_employee_number', 'employeeNumber', '');
    else {
      const first = firstLineOf.get(employeeNumber);
      if (first === undefined) firstLineOf.set(employeeNumber, record.line);
      else report('duplicate_employee_number', 'employeeNumber', employeeNumber, `Also on line ${first}`);
    }
    if (name === '') report('missing_name', 'name', '');
    if (unitRef === '') report('missing_unit', 'unit', '');

    const statusCell = cell('status');
    const status = statusCell === '' ? null : (STATUS_VALUES.get(valueKey(statusCell)) ?? null);
    if (statusCell !== '' && status === null) report('bad_status', 'status', statusCell);
    const joinedCell = cell('joinedOn');
    const joinedOn = joinedCell === '' ? null : parseDate(joinedCell);
    if (joinedCell !== '' && joinedOn === null) report('bad_date', 'joinedOn', joinedCell);
    // Full-width ＠ and letters from Japanese input methods are normalised; the address is otherwise kept.
    const email = cell('email').normalize('NFKC');
    if (email !== '' && !EMAIL.test(email)) report('bad_email', 'email', email);
    const kana = cell('kana').normalize('NFKC'); // ﾊﾝｶｸ → ハンカク, so kana sorts and searches as one script
    const memberClass = cell('memberClass');
    const phone = cell('phone'); // Verbatim: "+81 90-…" is a phone number, not a formula.

    rows.push({
      line: record.line,
      employeeNumber,
      name,
      unitRef,
      kana: hasColumn(columns, 'kana') && kana !== '' ? kana : null,
      memberClass: memberClass === '' ? null : memberClass,
      status,
      joinedOn,
      email: email === '' ? null : email,
      phone: phone === '' ? null : phone,
      ok: problems.length === before,
    });
  }
  const warnings = [...header.warnings, ...shortNumberWarnings(rows)];
  return { totalRows: table.records.length, rows, problems, warnings };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function valueKey(raw: string): string {
  return raw.normalize('NFKC').trim().toLowerCase().replace(/[\s_-]/g, '');
}

/** YYYY-MM-DD, YYYY/M/D, YYYY.M.D or YYYY年M月D日 (after NFKC) → ISO date; null when impossible (2024-02-30). */
export function parseDate(raw: string): string | null {
  const text = raw.normalize('NFKC').trim();
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text) ?? /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * Excel turns "001234" into 1234 when a CSV is opened and saved again. When
 * every number is digits and most share one length, shorter ones were likely cut.
 */
function shortNumberWarnings(rows: RosterRow[]): RosterWarning[] {
  const numbers = rows.filter((row) => row.employeeNumber !== '');
  if (numbers.length < 2 || !numbers.every((row) => /^\d+$/.test(row.employeeNumber))) return [];
  const byLength = new Map<number, number>();
  for (const row of numbers) byLength.set(row.employeeNumber.length, (byLength.get(row.employeeNumber.length) ?? 0) + 1);
  if (byLength.size < 2) return [];
  let common = 0;
  let best = 0;
  for (const [length, count] of byLength) {
    if (count > best || (count === best && length > common)) [common, best] = [length, count];
  }
  return numbers
    .filter((row) => row.employeeNumber.length < common)
    .map((row) => ({
      line: row.line,
      code: 'leading_zeros_stripped' as const,
      field: 'employeeNumber',
      value: row.employeeNumber,
      detail: `Most employee numbers have ${common} digits; this one may have lost leading zeros`,
    }));
}
