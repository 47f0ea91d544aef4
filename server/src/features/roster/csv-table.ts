import { CsvError, parse } from 'csv-parse/sync';
import { type RosterProblem, type RosterWarning } from './roster-types.ts';

/** One data record with the physical line it starts on (header = line 1). */
export interface CsvRecord {
  line: number;
  cells: string[];
}

export interface CsvTable {
  header: string[];
  headerLine: number;
  records: CsvRecord[];
}

/**
 * Parses CSV text into records, each with its physical starting line. csv-parse's
 * own `info.lines` counts a CRLF inside a quoted cell as two lines, so lines are
 * counted here from the byte offset where each record ends (`info.bytes`).
 */
export function readCsvTable(text: string): { table: CsvTable } | { problem: RosterProblem } {
  const buf = Buffer.from(text, 'utf8');
  let parsed: { record: string[]; info: { bytes: number } }[];
  try {
    // relax_column_count: a short or long row is reported on its own line instead of failing the file.
    // relax_quotes: a stray quote inside an unquoted cell (5" floppy) is kept as text, as Excel does.
    // With `info: true` each element is { record, info }; the typings only know plain rows.
    parsed = parse(buf, { info: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true }) as unknown as typeof parsed;
  } catch (err) {
    if (err instanceof CsvError) {
      const line = typeof err.lines === 'number' ? err.lines : 1;
      return { problem: { line, code: 'csv_malformed', detail: err.message } };
    }
    throw err;
  }
  const lines = new LineCounter(buf);
  const records: CsvRecord[] = [];
  let prevEnd = 0;
  for (const { record, info } of parsed) {
    const line = lines.lineAt(skipLineBreaks(buf, prevEnd));
    prevEnd = info.bytes;
    // Excel writes ",,,," for rows that are empty but formatted: not data.
    if (record.every((cell) => cell.trim() === '')) continue;
    records.push({ line, cells: record });
  }
  const first = records.shift();
  if (!first) return { problem: { line: 1, code: 'csv_empty', detail: 'The file has no header row' } };
  return { table: { header: first.cells, headerLine: first.line, records } };
}

function skipLineBreaks(buf: Buffer, at: number): number {
  while (at < buf.length && (buf[at] === 0x0a || buf[at] === 0x0d)) at++;
  return at;
}

/** Counts line breaks (LF, CRLF, lone CR) incrementally; offsets only move forward. */
class LineCounter {
  private pos = 0;
  private line = 1;
  constructor(private readonly buf: Buffer) {}

  lineAt(offset: number): number {
    for (; this.pos < offset; this.pos++) {
      const b = this.buf[this.pos];
      if (b === 0x0a || (b === 0x0d && this.buf[this.pos + 1] !== 0x0a)) this.line++;
    }
    return this.line;
  }
}

/** Header cells compare after NFKC (full-width → ASCII), lowercasing and dropping spaces and punctuation. */
export function headerKey(raw: string): string {
  return raw
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/[\s_\-.()・]/g, '');
}

export interface HeaderMap<F extends string> {
  columns: Partial<Record<F, number>>;
  missing: F[];
  warnings: RosterWarning[];
}

/** Maps header cells to fields; unknown columns are ignored but named in a warning. */
export function mapHeader<F extends string>(
  table: CsvTable,
  aliases: Record<F, readonly string[]>,
  required: readonly F[],
): HeaderMap<F> {
  const lookup = new Map<string, F>();
  for (const field of Object.keys(aliases) as F[]) {
    for (const alias of aliases[field]) lookup.set(headerKey(alias), field);
  }
  const columns: Partial<Record<F, number>> = {};
  const unknown: string[] = [];
  const warnings: RosterWarning[] = [];
  table.header.forEach((cell, index) => {
    const key = headerKey(cell);
    if (key === '') return;
    const field = lookup.get(key);
    if (field === undefined) unknown.push(cell.trim());
    else if (columns[field] !== undefined) {
      warnings.push({ line: table.headerLine, code: 'duplicate_column', field, value: cell.trim(), detail: 'Only the first such column is used' });
    } else columns[field] = index;
  });
  if (unknown.length > 0) warnings.unshift({ line: table.headerLine, code: 'unknown_columns', value: unknown.join(', ') });
  const missing = required.filter((field) => columns[field] === undefined);
  return { columns, missing, warnings };
}

/**
 * Fewer cells than the header, or non-empty cells past it, is a broken row.
 * Empty trailing cells are tolerated: Excel adds them for formatted columns.
 */
export function columnCountProblem(record: CsvRecord, expected: number): RosterProblem | null {
  const actual = record.cells.length;
  if (actual === expected) return null;
  if (actual > expected && record.cells.slice(expected).every((cell) => cell.trim() === '')) return null;
  return { line: record.line, code: 'wrong_column_count', expected, actual, detail: `Expected ${expected} columns, got ${actual}` };
}

/** The trimmed cell of a field, or '' when the column is absent or the row is short. */
export function cellOf<F extends string>(record: CsvRecord, columns: Partial<Record<F, number>>, field: F): string {
  const index = columns[field];
  if (index === undefined) return '';
  return (record.cells[index] ?? '').trim();
}

export function hasColumn<F extends string>(columns: Partial<Record<F, number>>, field: F): boolean {
  return columns[field] !== undefined;
}
