import type { FromSchema } from 'json-schema-to-ts';
import { duesAccounts, type DuesAccount } from '../sync/dues.ts';
import type { DuesFormula } from './rules.ts';

/**
 * Dues (組合費, issue 18) over HTTP. Members read their own months through the
 * synced `dues` collection (shared/src/sync/dues.ts), offline too; treasurers
 * and admins (dues.manage / dues.read in scope) work online:
 *
 *   GET    /api/dues/policy                      → DuesSettings                      (dues.read in scope)
 *   PUT    /api/dues/policy                      DuesPolicyInput → DuesSettings      (dues.manage on the union)
 *   GET    /api/dues/rules                       → { rules: DuesRuleView[] }         (dues.read in scope)
 *   POST   /api/dues/rules                       DuesRuleInput → DuesRuleView        (dues.manage on the union; 409 dues_rule_past)
 *   DELETE /api/dues/rules/:id                   → { id }                            (same; never a rule in force for a recorded month)
 *   GET    /api/dues/exemptions?member=          → { exemptions: ExemptionView[] }   (dues.read on the member)
 *   POST   /api/dues/exemptions                  ExemptionInput → ExemptionView      (dues.manage on the member)
 *   DELETE /api/dues/exemptions/:id              → { id }
 *   PUT    /api/dues/base-pay                    BasePayInput → { saved }            (dues.manage; base pay per member per month for rate rules)
 *   GET    /api/dues/employers                   → { employers: EmployerMapping[] }  (remembered check-off column mappings)
 *   POST   /api/dues/checkoff?mode=dry-run|apply&employer=&month=[&employeeNumber=&amount=&basePay=&strikeAmount=][&fix=LINE:FIELD:VALUE…]
 *          raw CSV body (text/csv; UTF-8 with or without BOM, or Shift_JIS) → { report: CheckoffReport }
 *          (dues.manage; apply refuses 400 checkoff_has_problems with the report when it has blocking problems;
 *          re-applying the same employer and month replaces that import)
 *   POST   /api/dues/payments                    DirectPaymentInput → { id }         (dues.manage on the member)
 *   GET    /api/dues/totals?month=YYYY-MM        → { month, units: UnitTotals[] }    (dues.read in scope; each unit's whole subtree)
 *   GET    /api/dues/summary?year=YYYY&unit=     → YearSummary                       (dues.read on the unit)
 *   GET    /api/dues/arrears?asOf=YYYY-MM        → { asOf, members: ArrearsRow[] }   (dues.read in scope)
 *   GET    /api/dues/me?year=YYYY                → MyDuesYear                        (own records; the yearly total for a tax return note)
 *   GET    /api/dues/export.csv?month= | ?year=  → text/csv, UTF-8 with BOM, formula-safe (per member; dues.read; audited)
 *   GET    /api/dues/totals.csv?year=YYYY        → text/csv (per unit and month; dues.read; audited)
 */

export const monthPattern = '^[0-9]{4}-(0[1-9]|1[0-2])$';
export const dayPattern = '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$';
const yen = { type: 'integer', minimum: 0, maximum: 100_000_000 } as const;
const roundingSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['mode', 'unit'],
  properties: { mode: { type: 'string', enum: ['floor', 'ceil', 'half_up'] }, unit: { type: 'integer', enum: [1, 10, 100, 1000] } },
} as const;

export const duesPolicyInputSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['classDay', 'exemptWhen', 'prorateRounding', 'strikeFund'],
  properties: {
    classDay: { type: 'string', enum: ['first', 'last'] },
    exemptWhen: { type: 'string', enum: ['whole_month', 'any_day', 'prorate'] },
    prorateRounding: roundingSchema,
    /** Whether the union keeps a strike fund (闘争資金) account beside the general one. */
    strikeFund: { type: 'boolean' },
  },
} as const;
export type DuesPolicyInput = FromSchema<typeof duesPolicyInputSchema>;
/** The policy in force (defaults until a treasurer sets one: class on the first day, whole-month exemptions, no strike fund). */
export type DuesSettings = DuesPolicyInput;

export const duesFormulaSchema = {
  oneOf: [
    { type: 'object', additionalProperties: false, required: ['kind', 'amount'], properties: { kind: { const: 'flat' }, amount: yen } },
    {
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'numerator', 'denominator', 'rounding'],
      properties: {
        kind: { const: 'rate' },
        /** 1.8 % = 18 / 1000. */
        numerator: { type: 'integer', minimum: 0, maximum: 1_000_000 },
        denominator: { type: 'integer', minimum: 1, maximum: 1_000_000 },
        floor: yen,
        cap: yen,
        rounding: roundingSchema,
      },
    },
  ],
} as const;

export const duesRuleInputSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['memberClass', 'from', 'formula'],
  properties: {
    /** The member class it applies to (members.memberClass: 'regular', 正組合員 …). */
    memberClass: { type: 'string', minLength: 1, maxLength: 40 },
    /** Default 'general'; 'strike' needs the policy's strikeFund. */
    account: { type: 'string', enum: duesAccounts },
    /** First month it applies to; a month after every month already recorded. */
    from: { type: 'string', pattern: monthPattern, maxLength: 7 },
    formula: duesFormulaSchema,
  },
} as const;
export type DuesRuleInput = FromSchema<typeof duesRuleInputSchema>;
export interface DuesRuleView {
  id: string;
  memberClass: string;
  account: DuesAccount;
  from: string;
  formula: DuesFormula;
  createdAt: number;
}

export const exemptionInputSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['memberId', 'from', 'to', 'reason'],
  properties: {
    memberId: { type: 'string', minLength: 1, maxLength: 64 },
    from: { type: 'string', pattern: dayPattern, maxLength: 10 },
    /** Inclusive. */
    to: { type: 'string', pattern: dayPattern, maxLength: 10 },
    /** 育休, 休職, strike credit … */
    reason: { type: 'string', minLength: 1, maxLength: 200 },
  },
} as const;
export type ExemptionInput = FromSchema<typeof exemptionInputSchema>;
export type ExemptionView = ExemptionInput & { id: string };

export const basePayInputSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['month', 'rows'],
  properties: {
    month: { type: 'string', pattern: monthPattern, maxLength: 7 },
    rows: {
      type: 'array',
      maxItems: 100_000,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['employeeNumber', 'basePay'],
        properties: { employeeNumber: { type: 'string', minLength: 1, maxLength: 32 }, basePay: yen },
      },
    },
  },
} as const;
export type BasePayInput = FromSchema<typeof basePayInputSchema>;

/** The query of POST /api/dues/checkoff; the column names are remembered per employer on apply and used when left out. */
export const checkoffQuerySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['mode', 'employer', 'month'],
  properties: {
    mode: { type: 'string', enum: ['dry-run', 'apply'] },
    /** The employer's name as the union calls it (a mapping is remembered per employer). */
    employer: { type: 'string', minLength: 1, maxLength: 100 },
    month: { type: 'string', pattern: monthPattern, maxLength: 7 },
    /** Header of the employee-number column (default: 社員番号 / 従業員番号 / employee number …). */
    employeeNumber: { type: 'string', minLength: 1, maxLength: 100 },
    /** Header of the deducted amount (default: 組合費 / 控除額 / amount …). */
    amount: { type: 'string', minLength: 1, maxLength: 100 },
    /** Header of base pay (optional; default: 基本給 / base pay). */
    basePay: { type: 'string', minLength: 1, maxLength: 100 },
    /** Header of a strike-fund deduction (optional; default: 闘争資金 / strike fund). */
    strikeAmount: { type: 'string', minLength: 1, maxLength: 100 },
    /**
     * Corrections made in the app to reported rows, each `LINE:FIELD:VALUE` (the line as the report gives it,
     * a field of the mapping, the new cell): the file stays as the employer sent it, the report and the import
     * read the corrected cells. Repeat the parameter for several. A line the file does not have, or a field
     * whose column it lacks, is refused with 400 checkoff_fix_invalid.
     */
    fix: {
      type: 'array',
      maxItems: 500,
      items: { type: 'string', maxLength: 200, pattern: '^[0-9]{1,7}:(employeeNumber|amount|basePay|strikeAmount):' },
    },
  },
} as const;
export type CheckoffQuery = FromSchema<typeof checkoffQuerySchema>;

export interface EmployerMapping {
  employer: string;
  employeeNumber: string;
  amount: string;
  basePay: string | null;
  strikeAmount: string | null;
}

export type CheckoffProblemCode = 'malformed' | 'duplicate' | 'unmatched';
/** A row that blocks apply: bad cells or column count, an employee number twice, or one no member in scope has. Line 1 is the header. */
export interface CheckoffProblem {
  line: number;
  code: CheckoffProblemCode;
  employeeNumber?: string;
  /** For a duplicate: the line it first appeared on. */
  firstLine?: number;
  detail?: string;
}
/** A deduction that differs from the rule (recorded as deducted; the difference shows in arrears or credit). */
export interface CheckoffMismatch {
  line: number;
  employeeNumber: string;
  memberId: string;
  account: DuesAccount;
  deducted: number;
  expected: number;
  /** Why the rule could not give an amount ('no_rule', 'no_base_pay', 'no_class'), when so. */
  ruleProblem?: string;
}
/** A member in scope the rules expect to pay this month, with no deduction in the file. */
export interface CheckoffMissing {
  memberId: string;
  employeeNumber: string;
  account: DuesAccount;
  expected: number;
}
export interface CheckoffReport {
  employer: string;
  month: string;
  encoding: 'utf-8' | 'utf-8-bom' | 'shift_jis';
  /** The columns used (header texts). */
  mapping: EmployerMapping;
  rows: number;
  matched: number;
  /** Total deducted in the file's valid rows, by account. */
  totals: Record<DuesAccount, number>;
  problems: CheckoffProblem[];
  mismatches: CheckoffMismatch[];
  missing: CheckoffMissing[];
  /** Whether apply would be refused (any problem). */
  blocked: boolean;
  /** Set on apply: an earlier import of this employer and month was replaced. */
  replaced?: boolean;
  /** How many cells the query's `fix` corrections changed (absent when none). */
  fixed?: number;
}

export const directPaymentInputSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['memberId', 'month', 'amount', 'method'],
  properties: {
    memberId: { type: 'string', minLength: 1, maxLength: 64 },
    month: { type: 'string', pattern: monthPattern, maxLength: 7 },
    account: { type: 'string', enum: duesAccounts },
    amount: { type: 'integer', minimum: 1, maximum: 100_000_000 },
    /** 振込 (transfer) or 現金 (cash). */
    method: { type: 'string', enum: ['transfer', 'cash'] },
    note: { type: 'string', maxLength: 200 },
  },
} as const;
export type DirectPaymentInput = FromSchema<typeof directPaymentInputSchema>;

/** Expected and received (deducted + paid) for a unit's whole subtree in a month, per account. */
export interface UnitTotals {
  unitId: string;
  unitName: string;
  parentId: string | null;
  accounts: Record<DuesAccount, { expected: number; received: number; members: number }>;
}

export interface YearSummary {
  year: string;
  unitId: string;
  months: { month: string; accounts: Record<DuesAccount, { expected: number; received: number }> }[];
  total: Record<DuesAccount, { expected: number; received: number }>;
}

/** A member who owes: the sum of each month's shortfall, and the age of the oldest unpaid month (0: the as-of month). */
export interface ArrearsRow {
  memberId: string;
  employeeNumber: string;
  name: string;
  unitId: string;
  outstanding: number;
  months: number;
  oldestMonth: string;
  ageMonths: number;
}

export interface MyDuesYear {
  year: string;
  months: { month: string; account: DuesAccount; expected: number; deducted: number; paid: number }[];
  /** What was deducted and paid in the year, per account: the figure for a tax return note. */
  total: Record<DuesAccount, number>;
}
