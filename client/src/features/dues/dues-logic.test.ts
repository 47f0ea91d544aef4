import type { CheckoffReport, DuesDoc } from '@kumiai/shared';
import { describe, expect, it } from 'vitest';
import { checkoffQuery, fixParams, malformedReason, reportGroups } from './checkoff-report.ts';
import { headerOf } from './csv-header.ts';
import { arrearsOf, duesYears, monthState } from './my-dues.ts';
import { duesOfficerEn, duesOfficerJa } from './officer-messages.ts';
import { formulaText, parseYenInput } from './rule-text.ts';
import { formatMonth, formatYen } from './yen.ts';
import type { Messages } from '../../i18n/types.ts';

const doc = (month: string, expected: number, deducted: number, paid = 0, account: DuesDoc['account'] = 'general'): DuesDoc => ({
  id: `me:${month}:${account}`, memberId: 'me', unitId: 'w', month, account, expected, deducted, paid,
  source: deducted > 0 && paid > 0 ? 'mixed' : deducted > 0 ? 'checkoff' : paid > 0 ? 'transfer' : 'none', updatedAt: 1,
});

describe('yen and months per language', () => {
  it('writes integer yen as each language does, with separators and the sign in front', () => {
    expect(formatYen(12345, 'ja')).toBe('12,345円');
    expect(formatYen(12345, 'en')).toBe('¥12,345');
    expect(formatYen(0, 'ja')).toBe('0円');
    expect(formatYen(1_234_567, 'en')).toBe('¥1,234,567');
    expect(formatYen(-500, 'ja')).toBe('-500円');
    expect(formatYen(-500, 'en')).toBe('-¥500');
  });
  it('names a month', () => {
    expect(formatMonth('2026-04', 'ja')).toBe('2026年4月');
    expect(formatMonth('2026-12', 'en')).toBe('December 2026');
  });
});

describe("a member's own dues", () => {
  it('tells each month apart: received, short, nothing yet, more than asked, nothing due', () => {
    expect(monthState(2000, 2000)).toBe('paid');
    expect(monthState(2000, 1500)).toBe('short');
    expect(monthState(2000, 0)).toBe('unpaid');
    expect(monthState(2000, 2500)).toBe('over');
    expect(monthState(0, 0)).toBe('none_due');
    expect(monthState(0, 300)).toBe('over');
  });

  it('groups by year, newest first, and totals what was deducted and paid per account (the tax return figure)', () => {
    const years = duesYears([doc('2025-12', 2000, 2000), doc('2026-01', 2000, 2000), doc('2026-03', 2000, 0, 2000), doc('2026-02', 0, 0), doc('2026-03', 500, 500, 0, 'strike'), doc('2026-04', 2000, 1500)]);
    expect(years.map((y) => y.year)).toEqual(['2026', '2025']);
    const [y2026] = years;
    expect(y2026?.lines.map((l) => `${l.month}/${l.account}/${l.state}`)).toEqual([
      '2026-04/general/short', '2026-03/general/paid', '2026-03/strike/paid', '2026-02/general/none_due', '2026-01/general/paid',
    ]);
    // Expected is not what counts: only money that was deducted or paid.
    expect(y2026?.total).toEqual({ general: 5500, strike: 500 });
    expect(years[1]?.total).toEqual({ general: 2000, strike: 0 });
    expect(y2026?.lines[0]?.shortfall).toBe(500);
  });

  it('counts arrears over every month, an overpayment never cancelling another month', () => {
    expect(arrearsOf([doc('2026-01', 2000, 2000), doc('2026-02', 2000, 3000)])).toEqual({ amount: 0, months: 0, oldestMonth: null });
    expect(arrearsOf([doc('2026-03', 2000, 0), doc('2026-01', 2000, 1000), doc('2026-02', 2000, 5000), doc('2026-03', 500, 0, 0, 'strike')])).toEqual({ amount: 3500, months: 2, oldestMonth: '2026-01' });
  });
});

const report = (over: Partial<CheckoffReport>): CheckoffReport => ({
  employer: '本社', month: '2026-04', encoding: 'utf-8', mapping: { employer: '本社', employeeNumber: '社員番号', amount: '組合費', basePay: null, strikeAmount: null },
  rows: 5, matched: 3, totals: { general: 0, strike: 0 }, problems: [], mismatches: [], missing: [], blocked: false, ...over,
});

describe('the check-off report in plain words', () => {
  it('groups problems by kind in line order, with a reason for each unreadable row', () => {
    const groups = reportGroups(report({
      problems: [
        { line: 9, code: 'unmatched', employeeNumber: 'X9' },
        { line: 4, code: 'malformed', employeeNumber: 'E4', detail: 'An amount is not a whole number of yen' },
        { line: 3, code: 'unmatched', employeeNumber: 'X3' },
        { line: 7, code: 'duplicate', employeeNumber: 'E1', firstLine: 2 },
        { line: 5, code: 'malformed', detail: 'Expected 2 columns, got 1' },
        { line: 6, code: 'malformed', detail: 'No employee number' },
      ],
      mismatches: [{ line: 8, employeeNumber: 'E8', memberId: 'm8', account: 'general', deducted: 200, expected: 2000 }],
      missing: [{ memberId: 'b', employeeNumber: 'E2', account: 'general', expected: 2000 }, { memberId: 'a', employeeNumber: 'E1', account: 'general', expected: 2000 }],
      blocked: true,
    }));
    expect(groups.unmatched.map((p) => p.line)).toEqual([3, 9]);
    expect(groups.duplicate.map((p) => p.firstLine)).toEqual([2]);
    expect(groups.malformed.map((p) => [p.line, p.reason])).toEqual([[4, 'amount'], [5, 'columns'], [6, 'number']]);
    expect(groups.missing.map((m) => m.employeeNumber)).toEqual(['E1', 'E2']);
    expect(groups.blocking).toBe(6);
    expect(malformedReason('Invalid Closing Quote')).toBe('unreadable');
  });

  it('sends one fix per line and field, the latest typed value winning, blanks left out', () => {
    const fixes = [{ line: 9, employeeNumber: ' E0009 ' }, { line: 3, amount: '2000' }, { line: 9, employeeNumber: 'E0019', amount: '' }, { line: 4, employeeNumber: '', amount: '' }];
    expect(fixParams(fixes)).toEqual(['3:amount:2000', '9:employeeNumber:E0019']);
    const q = new URLSearchParams(checkoffQuery('dry-run', { employer: ' 本社 ', month: '2026-04', columns: { employeeNumber: '社員番号', amount: '' }, fixes }).slice(1));
    expect(q.get('employer')).toBe('本社');
    expect(q.get('employeeNumber')).toBe('社員番号');
    expect(q.has('amount')).toBe(false);
    expect(q.getAll('fix')).toEqual(['3:amount:2000', '9:employeeNumber:E0019']);
  });

  it('reads the header of a UTF-8 (BOM) or a Shift_JIS file, quoted cells included', () => {
    expect(headerOf(new TextEncoder().encode('\ufeff社員番号,"組合費, 円",氏名\r\n000001,2000,a\r\n'))).toEqual(['社員番号', '組合費, 円', '氏名']);
    // 従業員コード,氏名,控除（組合）\r\n1,髙橋,2000 as Excel saves it (CP932).
    const sjis = [143, 93, 139, 198, 136, 245, 131, 82, 129, 91, 131, 104, 44, 142, 129, 150, 188, 44, 141, 84, 143, 156, 129, 105, 145, 103, 141, 135, 129, 106, 13, 10, 49, 44, 238, 224, 139, 180, 44, 50, 48, 48, 48];
    expect(headerOf(new Uint8Array(sjis))).toEqual(['従業員コード', '氏名', '控除（組合）']);
  });
});

describe('rules in words', () => {
  const ja = { duesOfficer: duesOfficerJa } as unknown as Messages;
  const en = { duesOfficer: duesOfficerEn } as unknown as Messages;
  it('says a flat rule and a rate with its floor, cap and rounding', () => {
    expect(formulaText({ kind: 'flat', amount: 2000 }, ja, 'ja')).toBe('月額 2,000円');
    const rate = { kind: 'rate', numerator: 18, denominator: 1000, floor: 1000, cap: 5000, rounding: { mode: 'floor', unit: 10 } } as const;
    expect(formulaText(rate, ja, 'ja')).toBe('基本給の 18/1000（下限 1,000円、上限 5,000円、10円未満切り捨て）');
    expect(formulaText({ ...rate, floor: undefined, rounding: { mode: 'half_up', unit: 100 } }, en, 'en')).toBe('18/1000 of base pay (floor none, cap ¥5,000, rounded to the nearest ¥100)');
  });
  it('reads typed yen as Japanese keyboards write it, and nothing that is not whole yen', () => {
    expect(parseYenInput('2,000')).toBe(2000);
    expect(parseYenInput('２０００円')).toBe(2000);
    expect(parseYenInput('¥ 1500')).toBe(1500);
    for (const bad of ['', '12.5', '-3', 'abc', '1234567890']) expect(parseYenInput(bad), bad).toBeNull();
  });
});
