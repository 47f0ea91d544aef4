import { describe, expect, it } from 'vitest';
import { decodeCsv } from '../src/features/roster/csv-decode.ts';
import { parseDate, parseRoster } from '../src/features/roster/roster-parse.ts';
import { RosterError } from '../src/features/roster/roster-types.ts';
import { fixture, junkBytes } from './fixtures/roster/seed.ts';

function decodeError(buf: Buffer, maxBytes?: number): RosterError {
  try {
    decodeCsv(buf, maxBytes);
  } catch (err) {
    if (err instanceof RosterError) return err;
    throw err;
  }
  throw new Error('expected decodeCsv to refuse the file');
}

const parseFixture = (name: string) => parseRoster(decodeCsv(fixture(name)).text);

describe('decodeCsv', () => {
  it('reads UTF-8 without a BOM', () => {
    const { text, encoding } = decodeCsv(fixture('members-utf8.csv'));
    expect(encoding).toBe('utf-8');
    expect(text.startsWith('社員番号,氏名')).toBe(true);
  });

  it('strips the UTF-8 BOM Excel writes', () => {
    const { text, encoding } = decodeCsv(fixture('members-utf8-bom.csv'));
    expect(encoding).toBe('utf-8-bom');
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    expect(text.startsWith('社員番号')).toBe(true);
  });

  it('decodes Shift_JIS as CP932, including NEC/IBM extensions and half-width kana', () => {
    const { text, encoding } = decodeCsv(fixture('members-sjis.csv'));
    expect(encoding).toBe('shift_jis');
    expect(text).toContain('髙橋 誠一');
    expect(text).toContain('山﨑 ①子');
    expect(text).toContain('ﾀｶﾊｼ ｾｲｲﾁ');
    // CP932 0x8160 is U+FF5E (as Windows decodes it), where plain Shift_JIS would give U+301C.
    expect(text).toContain('波\uFF5E太郎');
    expect(text).not.toContain('\uFFFD');
  });

  it('refuses UTF-16 with a message that says how to save the file', () => {
    const err = decodeError(fixture('members-utf16le.csv'));
    expect(err.rosterCode).toBe('csv_unsupported_encoding');
    expect(err.statusCode).toBe(400);
    expect(err.message).toMatch(/UTF-16LE/);
    // Without the BOM, the NUL pattern gives it away.
    expect(decodeError(fixture('members-utf16le.csv').subarray(2)).rosterCode).toBe('csv_unsupported_encoding');
  });

  it('refuses files over the size cap before looking at them', () => {
    const err = decodeError(junkBytes(20 * 1024 * 1024));
    expect(err.rosterCode).toBe('csv_too_large');
    expect(err.statusCode).toBe(413);
    expect(decodeError(Buffer.alloc(11, 0x41), 10).rosterCode).toBe('csv_too_large');
  });

  it('refuses binary junk under the cap', () => {
    expect(decodeError(junkBytes(64 * 1024)).rosterCode).toBe('csv_not_text');
    const noNul = Buffer.from(junkBytes(64 * 1024).map((b) => (b === 0 ? 1 : b)));
    expect(decodeError(noNul).rosterCode).toBe('csv_not_text');
  });

  it('names the line of a stray byte that is neither UTF-8 nor CP932', () => {
    const buf = Buffer.concat([Buffer.from('a,b\r\n1,2\r\n', 'ascii'), Buffer.from([0x33, 0x2c, 0xa0, 0x0d, 0x0a]), Buffer.from('x'.repeat(400))]);
    const err = decodeError(buf);
    expect(err.rosterCode).toBe('csv_unsupported_encoding');
    expect(err.message).toMatch(/Line 3/);
  });
});

describe('parseRoster', () => {
  it('maps Japanese headers and reads UTF-8 rows', () => {
    const parsed = parseFixture('members-utf8.csv');
    expect(parsed.problems).toEqual([]);
    expect(parsed.totalRows).toBe(2);
    expect(parsed.rows[0]).toMatchObject({ line: 2, employeeNumber: '100003', name: '鈴木 一郎', unitRef: 'A2', status: 'active', joinedOn: '2019-10-01', phone: '+81 90-1234-5678', email: null });
    expect(parsed.rows[1]).toMatchObject({ line: 3, status: 'left', joinedOn: null });
  });

  it('reads the BOM file with CRLF and slash dates', () => {
    const parsed = parseFixture('members-utf8-bom.csv');
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows.map((r) => [r.employeeNumber, r.status, r.joinedOn])).toEqual([
      ['100001', 'active', '2020-04-01'],
      ['100002', 'on_leave', '2021-04-01'],
    ]);
  });

  it('keeps CP932 names verbatim and turns half-width kana into full-width', () => {
    const parsed = parseFixture('members-sjis.csv');
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows.map((r) => r.name)).toEqual(['髙橋 誠一', '山﨑 ①子', '波～太郎']);
    expect(parsed.rows.map((r) => r.kana)).toEqual(['タカハシ セイイチ', 'ヤマザキ イチコ', 'ナミ タロウ']);
  });

  it('maps English headers, warns about unknown columns, accepts English statuses', () => {
    const parsed = parseFixture('members-english.csv');
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows.map((r) => [r.employeeNumber, r.unitRef, r.status, r.joinedOn, r.email, r.phone])).toEqual([
      ['300001', 'A1', 'active', '2019-04-01', 'john@example.com', '+1 555 0100'],
      ['300002', 'B1', 'on_leave', '2020-02-29', null, null],
    ]);
    expect(parsed.warnings).toEqual([expect.objectContaining({ line: 1, code: 'unknown_columns', value: 'Shoe Size' })]);
  });

  it('normalises full-width employee numbers and headers (NFKC)', () => {
    const parsed = parseFixture('members-fullwidth.csv');
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows.map((r) => [r.employeeNumber, r.unitRef])).toEqual([
      ['123456', 'Ａ１'],
      ['000789', 'Ｂ１'],
    ]);
  });

  it('reports every bad row on its physical line', () => {
    const parsed = parseFixture('members-bad-rows.csv');
    expect(parsed.problems.map((p) => [p.line, p.code, p.field])).toEqual([
      [5, 'duplicate_employee_number', 'employeeNumber'],
      [7, 'missing_name', 'name'],
      [8, 'missing_employee_number', 'employeeNumber'],
      [9, 'bad_date', 'joinedOn'],
      [10, 'bad_status', 'status'],
      [11, 'bad_email', 'email'],
      [12, 'wrong_column_count', undefined],
      [14, 'missing_unit', 'unit'],
      [17, 'bad_date', 'joinedOn'],
    ]);
    expect(parsed.problems.find((p) => p.code === 'wrong_column_count')).toMatchObject({ expected: 8, actual: 4 });
    expect(parsed.problems[0]).toMatchObject({ value: '100001', detail: 'Also on line 2' });
    expect(parsed.rows.find((r) => r.line === 3)).toMatchObject({ name: '佐藤\r\n花子', ok: true });
    expect(parsed.rows.find((r) => r.line === 18)).toMatchObject({ name: '=HYPERLINK("http://evil.example")', phone: '+81 90-0000-0000', ok: true });
    expect(parsed.totalRows).toBe(14); // blank and all-empty lines are not rows
  });

  it('warns where Excel likely stripped leading zeros', () => {
    const parsed = parseFixture('members-leading-zeros.csv');
    expect(parsed.problems).toEqual([]);
    expect(parsed.warnings.map((w) => [w.line, w.code, w.value])).toEqual([
      [4, 'leading_zeros_stripped', '2345'],
      [6, 'leading_zeros_stripped', '34567'],
    ]);
  });

  it('names the missing required columns as a file-level problem', () => {
    const parsed = parseFixture('members-missing-columns.csv');
    expect(parsed.rows).toEqual([]);
    expect(parsed.problems).toEqual([expect.objectContaining({ line: 1, code: 'csv_missing_columns', value: 'employeeNumber, unit' })]);
  });

  it('reports an unclosed quote and an empty file as file-level problems', () => {
    expect(parseRoster('社員番号,氏名,所属\n1,"山田,A1\n2,佐藤,A1\n').problems[0]).toMatchObject({ code: 'csv_malformed' });
    expect(parseRoster('').problems).toEqual([expect.objectContaining({ code: 'csv_empty' })]);
  });

  it('does not mistake Object.prototype names for status values', () => {
    expect(parseRoster('社員番号,氏名,所属,状態\n1,A,A1,constructor\n2,B,A1,toString\n').problems.map((p) => p.code)).toEqual(['bad_status', 'bad_status']);
  });

  it('accepts header variants regardless of case and width', () => {
    const parsed = parseRoster('EMPLOYEE_NO , Ｎａｍｅ ,Workplace,E-Mail\n1,A,A1,a@b.jp\n');
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows[0]).toMatchObject({ employeeNumber: '1', name: 'A', unitRef: 'A1', email: 'a@b.jp' });
  });
});

describe('parseDate', () => {
  it.each([
    ['2024-02-29', '2024-02-29'],
    ['2024/2/9', '2024-02-09'],
    ['２０２４／４／１', '2024-04-01'],
    ['2024年4月1日', '2024-04-01'],
    ['2024-02-30', null],
    ['2023-02-29', null],
    ['2024-13-01', null],
    ['R6.4.1', null],
    ['45000', null],
  ])('%s → %s', (input, expected) => {
    expect(parseDate(input)).toBe(expected);
  });
});
