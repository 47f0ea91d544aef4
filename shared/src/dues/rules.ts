/**
 * Dues (組合費) rules, evaluated for one member and one month. Pure and in
 * integer yen throughout: a rate is a fraction of integers (1.8 % = 18/1000),
 * and the amount is rounded exactly as the rule names it, never through a
 * floating-point number.
 *
 * - A rule belongs to a member class (正組合員, 準組合員 …) and takes effect from a
 *   month; the rule in force for a month is the latest one starting on or before
 *   it, so a change never rewrites past months.
 * - The class that counts for a month is the one held on the day the bylaws
 *   name (`classDay`: the first or the last day of the month).
 * - Exemptions (育休, 休職, strike credit) are date ranges; `exemptWhen` says
 *   whether a month is exempt when the range covers all of it, any day of it,
 *   or in proportion to its days (then rounded as the rule rounds).
 */

/** 'YYYY-MM'. */
export type Month = string;
/** 'YYYY-MM-DD'. */
export type Day = string;

export interface Rounding {
  /** floor = 切り捨て, ceil = 切り上げ, half_up = 四捨五入. */
  mode: 'floor' | 'ceil' | 'half_up';
  /** Round to this many yen (1, 10, 100). */
  unit: number;
}

export type DuesFormula =
  | { kind: 'flat'; amount: number }
  | {
      kind: 'rate';
      /** numerator / denominator of base pay, e.g. 18 / 1000 for 1.8 %. */
      numerator: number;
      denominator: number;
      /** 下限 and 上限, in yen, applied after rounding. */
      floor?: number;
      cap?: number;
      rounding: Rounding;
    };

export interface DuesRule {
  id: string;
  memberClass: string;
  /** First month the rule applies to. */
  from: Month;
  formula: DuesFormula;
}

export interface DuesPolicy {
  /** The class a member holds on this day of the month decides the rule. */
  classDay: 'first' | 'last';
  exemptWhen: 'whole_month' | 'any_day' | 'prorate';
  /** How a prorated amount is rounded (prorate only). */
  prorateRounding: Rounding;
}

export interface ClassPeriod {
  memberClass: string;
  /** Held from this day (inclusive). */
  from: Day;
}

export interface Exemption {
  from: Day;
  /** Inclusive. */
  to: Day;
  reason: string;
}

export interface DuesInput {
  month: Month;
  /** The member's classes over time, in any order (the latest `from` on or before the class day counts). */
  classes: readonly ClassPeriod[];
  /** Base pay (基本給) for the month, integer yen; needed by rate rules. */
  basePay?: number;
  exemptions: readonly Exemption[];
}

export type DuesResult =
  | { amount: number; ruleId: string; memberClass: string; exemptDays: number; daysInMonth: number }
  | { amount: 0; problem: 'no_class' | 'no_rule' | 'no_base_pay'; memberClass?: string };

const isInt = (n: number) => Number.isSafeInteger(n);

/** value × numerator / denominator for non-negative integers, rounded to `unit` yen as named (exact: BigInt inside). */
export function scaleRounded(value: number, numerator: number, denominator: number, rounding: Rounding): number {
  if (![value, numerator, denominator].every(isInt) || value < 0 || numerator < 0 || denominator <= 0) throw new RangeError('scaleRounded needs non-negative integers and a positive denominator');
  if (!isInt(rounding.unit) || rounding.unit < 1) throw new RangeError('rounding unit must be a positive integer');
  const n = BigInt(value) * BigInt(numerator);
  const d = BigInt(denominator) * BigInt(rounding.unit);
  const q = n / d;
  const r = n % d;
  const up = rounding.mode === 'ceil' ? r > 0n : rounding.mode === 'half_up' ? 2n * r >= d : false;
  return Number((up ? q + 1n : q) * BigInt(rounding.unit));
}

export function daysInMonth(month: Month): number {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const dayOf = (month: Month, day: number): Day => `${month}-${String(day).padStart(2, '0')}`;

/** The class held on `day`: the period with the latest `from` on or before it. */
export function classOn(classes: readonly ClassPeriod[], day: Day): string | null {
  let best: ClassPeriod | null = null;
  for (const c of classes) if (c.from <= day && (best === null || c.from > best.from)) best = c;
  return best?.memberClass ?? null;
}

/** The rule in force for a class in a month: the latest `from` on or before the month. */
export function ruleFor(rules: readonly DuesRule[], memberClass: string, month: Month): DuesRule | null {
  let best: DuesRule | null = null;
  for (const r of rules) if (r.memberClass === memberClass && r.from <= month && (best === null || r.from > best.from)) best = r;
  return best;
}

/** Days of the month covered by at least one exemption. */
export function exemptDays(exemptions: readonly Exemption[], month: Month): number {
  const n = daysInMonth(month);
  let count = 0;
  for (let d = 1; d <= n; d++) {
    const day = dayOf(month, d);
    if (exemptions.some((e) => e.from <= day && day <= e.to)) count++;
  }
  return count;
}

function formulaAmount(formula: DuesFormula, basePay: number | undefined): number | null {
  if (formula.kind === 'flat') return formula.amount;
  if (basePay === undefined || !isInt(basePay) || basePay < 0) return null;
  let amount = scaleRounded(basePay, formula.numerator, formula.denominator, formula.rounding);
  if (formula.floor !== undefined) amount = Math.max(amount, formula.floor);
  if (formula.cap !== undefined) amount = Math.min(amount, formula.cap);
  return amount;
}

/** The dues one member owes for one month under the union's rules and policy. */
export function duesFor(input: DuesInput, rules: readonly DuesRule[], policy: DuesPolicy): DuesResult {
  const n = daysInMonth(input.month);
  const memberClass = classOn(input.classes, dayOf(input.month, policy.classDay === 'first' ? 1 : n));
  if (memberClass === null) return { amount: 0, problem: 'no_class' };
  const rule = ruleFor(rules, memberClass, input.month);
  if (!rule) return { amount: 0, problem: 'no_rule', memberClass };
  const full = formulaAmount(rule.formula, input.basePay);
  if (full === null) return { amount: 0, problem: 'no_base_pay', memberClass };
  const exempt = exemptDays(input.exemptions, input.month);
  let amount = full;
  if (policy.exemptWhen === 'whole_month') amount = exempt === n ? 0 : full;
  else if (policy.exemptWhen === 'any_day') amount = exempt > 0 ? 0 : full;
  else amount = scaleRounded(full, n - exempt, n, policy.prorateRounding);
  return { amount, ruleId: rule.id, memberClass, exemptDays: exempt, daysInMonth: n };
}
