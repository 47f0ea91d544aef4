import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';

/**
 * A cell that starts with = + - @ (or a tab / carriage return) is a formula to
 * Excel: someone's "=HYPERLINK(…)" in a name field would run on an officer's
 * PC. Such cells are exported with a leading apostrophe, which Excel shows as
 * text and does not evaluate. The stored value is never changed.
 */
export function neutraliseCell(value: string | number | boolean | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** CSV that Excel opens with Japanese intact: UTF-8 with a BOM, CRLF line ends, every cell neutralised. */
export function toExcelCsv(header: string[], rows: (string | number | boolean | null | undefined)[][]): Buffer {
  const body = stringify([header.map(neutraliseCell), ...rows.map((row) => row.map(neutraliseCell))], { record_delimiter: '\r\n' });
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body, 'utf8')]);
}

/**
 * The same CSV as `toExcelCsv`, streamed: the BOM and header first, then each
 * page of rows as the caller reads it, so a large log is never held whole.
 */
export function excelCsvStream(header: string[], pages: Iterable<(string | number | boolean | null | undefined)[][]>): Readable {
  const chunk = (rows: (string | number | boolean | null | undefined)[][]) => Buffer.from(stringify(rows.map((row) => row.map(neutraliseCell)), { record_delimiter: '\r\n' }), 'utf8');
  function* all(): Generator<Buffer> {
    yield Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), chunk([header])]);
    for (const rows of pages) if (rows.length > 0) yield chunk(rows);
  }
  return Readable.from(all(), { objectMode: false });
}
