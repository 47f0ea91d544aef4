import { describe, expect, it } from 'vitest';
import { daysInMonth, duesFor, exemptDays, scaleRounded, type DuesPolicy, type DuesRule, type DuesInput } from './rules.ts';

const RULES: DuesRule[] = [
  // 正組合員: 1.8 % of base pay, 10 yen 未満切り捨て, floor 3,000, cap 9,000 …
  { id: 'regular-2025', memberClass: 'regular', from: '2025-04', formula: { kind: 'rate', numerator: 18, denominator: 1000, floor: 3000, cap: 9000, rounding: { mode: 'floor', unit: 10 } } },
  // … raised to 2.0 % from October 2026 (the months before keep 1.8 %).
  { id: 'regular-2026-10', memberClass: 'regular', from: '2026-10', formula: { kind: 'rate', numerator: 2, denominator: 100, floor: 3000, cap: 10000, rounding: { mode: 'floor', unit: 10 } } },
  // 準組合員: flat.
  { id: 'associate', memberClass: 'associate', from: '2025-04', formula: { kind: 'flat', amount: 1500 } },
  // 休職中: flat, lower.
  { id: 'on-leave', memberClass: 'on_leave', from: '2025-04', formula: { kind: 'flat', amount: 500 } },
  // 四捨五入 to the yen, for a union that rounds half up.
  { id: 'half-up', memberClass: 'half_up', from: '2025-04', formula: { kind: 'rate', numerator: 15, denominator: 1000, rounding: { mode: 'half_up', unit: 1 } } },
];

const POLICY: DuesPolicy = { classDay: 'first', exemptWhen: 'whole_month', prorateRounding: { mode: 'floor', unit: 10 } };
const regular = [{ memberClass: 'regular', from: '2020-04-01' }];
const input = (over: Partial<DuesInput>): DuesInput => ({ month: '2026-09', classes: regular, basePay: 250_000, exemptions: [], ...over });

describe('dues for one member and one month', () => {
  const cases: { name: string; input: DuesInput; policy?: Partial<DuesPolicy>; amount: number; rule?: string; problem?: string }[] = [
    { name: 'rate: 250,000 × 1.8 % = 4,500', input: input({}), amount: 4500, rule: 'regular-2025' },
    { name: 'rate rounds down to 10 yen: 251,234 × 1.8 % = 4,522.2 → 4,520', input: input({ basePay: 251_234 }), amount: 4520 },
    { name: 'floor: 100,000 × 1.8 % = 1,800 → 3,000', input: input({ basePay: 100_000 }), amount: 3000 },
    { name: 'cap: 600,000 × 1.8 % = 10,800 → 9,000', input: input({ basePay: 600_000 }), amount: 9000 },
    { name: 'a rule change takes effect from its month', input: input({ month: '2026-10' }), amount: 5000, rule: 'regular-2026-10' },
    { name: '… and never rewrites the month before', input: input({ month: '2026-09' }), amount: 4500, rule: 'regular-2025' },
    { name: 'the new cap applies with the new rule', input: input({ month: '2026-10', basePay: 600_000 }), amount: 10000 },
    { name: 'flat for associates', input: input({ classes: [{ memberClass: 'associate', from: '2024-01-01' }], basePay: undefined }), amount: 1500, rule: 'associate' },
    { name: 'half up: 123,433 × 1.5 % = 1,851.495 → 1,851', input: input({ classes: [{ memberClass: 'half_up', from: '2024-01-01' }], basePay: 123_433 }), amount: 1851 },
    { name: 'half up: 123,434 × 1.5 % = 1,851.51 → 1,852', input: input({ classes: [{ memberClass: 'half_up', from: '2024-01-01' }], basePay: 123_434 }), amount: 1852 },
    { name: 'half up exactly at .5: 123,400 × 1.5 % = 1,851 (exact); 100,100 × 1.5 % = 1,501.5 → 1,502', input: input({ classes: [{ memberClass: 'half_up', from: '2024-01-01' }], basePay: 100_100 }), amount: 1502 },
    { name: 'class changed mid-month, class on the 1st counts', input: input({ classes: [...regular, { memberClass: 'on_leave', from: '2026-09-15' }] }), amount: 4500, rule: 'regular-2025' },
    { name: 'class changed mid-month, class on the last day counts', input: input({ classes: [...regular, { memberClass: 'on_leave', from: '2026-09-15' }] }), policy: { classDay: 'last' }, amount: 500, rule: 'on-leave' },
    { name: 'changed on the 1st itself counts from that month', input: input({ classes: [...regular, { memberClass: 'on_leave', from: '2026-09-01' }] }), amount: 500 },
    { name: '育休 covering the whole month: nothing owed', input: input({ exemptions: [{ from: '2026-08-20', to: '2026-12-31', reason: 'childcare' }] }), amount: 0 },
    { name: 'part of the month exempt, whole_month policy: full dues', input: input({ exemptions: [{ from: '2026-09-16', to: '2026-12-31', reason: 'childcare' }] }), amount: 4500 },
    { name: 'part of the month exempt, any_day policy: nothing owed', input: input({ exemptions: [{ from: '2026-09-30', to: '2026-09-30', reason: 'strike' }] }), policy: { exemptWhen: 'any_day' }, amount: 0 },
    { name: 'prorated: 15 of 30 days exempt → 2,250', input: input({ exemptions: [{ from: '2026-09-16', to: '2026-10-31', reason: 'leave' }] }), policy: { exemptWhen: 'prorate' }, amount: 2250 },
    { name: 'prorated rounds down to 10 yen: 4,520 × 19/30 = 2,862.67 → 2,860', input: input({ basePay: 251_234, exemptions: [{ from: '2026-09-01', to: '2026-09-11', reason: 'leave' }] }), policy: { exemptWhen: 'prorate' }, amount: 2860 },
    { name: 'overlapping exemptions count each day once', input: input({ exemptions: [{ from: '2026-09-01', to: '2026-09-20', reason: 'leave' }, { from: '2026-09-10', to: '2026-09-30', reason: 'strike' }] }), amount: 0 },
    { name: 'no class yet (joined after the class day)', input: input({ classes: [{ memberClass: 'regular', from: '2026-09-10' }] }), amount: 0, problem: 'no_class' },
    { name: 'no rule for the class', input: input({ classes: [{ memberClass: 'honorary', from: '2020-01-01' }] }), amount: 0, problem: 'no_rule' },
    { name: 'no rule before the first rule month', input: input({ month: '2025-03' }), amount: 0, problem: 'no_rule' },
    { name: 'rate without base pay', input: input({ basePay: undefined }), amount: 0, problem: 'no_base_pay' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = duesFor(c.input, RULES, { ...POLICY, ...c.policy });
      expect(r.amount).toBe(c.amount);
      if (c.rule) expect('ruleId' in r ? r.ruleId : null).toBe(c.rule);
      expect('problem' in r ? r.problem : undefined).toBe(c.problem);
      expect(Number.isInteger(r.amount)).toBe(true);
    });
  }
});

describe('integer arithmetic', () => {
  it('rounds exactly where floating point would not (0.1 + 0.2 style drift)', () => {
    // 1.1 % of 1,000,000,001 = 11,000,000.011 in exact arithmetic.
    expect(scaleRounded(1_000_000_001, 11, 1000, { mode: 'floor', unit: 1 })).toBe(11_000_000);
    expect(scaleRounded(1_000_000_001, 11, 1000, { mode: 'ceil', unit: 1 })).toBe(11_000_001);
    // A product beyond 2^53 stays exact.
    expect(scaleRounded(9_000_000_000_000, 7, 3, { mode: 'floor', unit: 1 })).toBe(21_000_000_000_000);
    expect(scaleRounded(5, 1, 10, { mode: 'half_up', unit: 1 })).toBe(1);
    expect(scaleRounded(4, 1, 10, { mode: 'half_up', unit: 1 })).toBe(0);
    expect(scaleRounded(1234, 1, 1, { mode: 'ceil', unit: 100 })).toBe(1300);
  });
  it('refuses fractions and negatives instead of guessing', () => {
    expect(() => scaleRounded(1.5, 1, 1, { mode: 'floor', unit: 1 })).toThrow(RangeError);
    expect(() => scaleRounded(-1, 1, 1, { mode: 'floor', unit: 1 })).toThrow(RangeError);
    expect(() => scaleRounded(1, 1, 0, { mode: 'floor', unit: 1 })).toThrow(RangeError);
    expect(duesFor(input({ basePay: 250_000.5 }), RULES, POLICY)).toMatchObject({ amount: 0, problem: 'no_base_pay' });
  });
  it('knows the length of each month, leap years included', () => {
    expect([daysInMonth('2026-02'), daysInMonth('2028-02'), daysInMonth('2026-09'), daysInMonth('2026-12')]).toEqual([28, 29, 30, 31]);
    expect(exemptDays([{ from: '2028-02-01', to: '2028-02-29', reason: 'x' }], '2028-02')).toBe(29);
  });
});
