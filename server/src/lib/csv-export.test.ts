import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { neutraliseCell, toExcelCsv } from './csv-export.ts';

describe('CSV export', () => {
  it.each([
    ['=HYPERLINK("http://evil")', `'=HYPERLINK("http://evil")`],
    ['+81 90-1234-5678', `'+81 90-1234-5678`],
    ['-1', `'-1`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\t=1', `'\t=1`],
    ['山田 太郎', '山田 太郎'],
    ['001234', '001234'],
  ])('neutralises %j', (input, expected) => {
    expect(neutraliseCell(input)).toBe(expected);
  });

  it('writes UTF-8 with a BOM and CRLF, Japanese intact, quotes escaped', () => {
    const csv = toExcelCsv(['社員番号', '氏名'], [['001', '髙橋 "誠"'], ['002', '=cmd']]);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.subarray(3).toString('utf8');
    expect(text).toContain('\r\n');
    expect(parse(text)).toEqual([['社員番号', '氏名'], ['001', '髙橋 "誠"'], ['002', `'=cmd`]]);
  });
});
