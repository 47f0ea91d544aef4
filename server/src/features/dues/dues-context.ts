import { duesFor, scopeRoots, unitPathsOf, type Action, type Actor, type DuesAccount, type DuesPolicy, type DuesResult, type DuesRule, type DuesSettings, type Exemption } from '@kumiai/shared';
import { AppError } from '../../lib/errors.ts';
import { toRule, type DuesMember, type DuesRepo } from './dues-repo.ts';

export const DEFAULT_SETTINGS: DuesSettings = { classDay: 'first', exemptWhen: 'whole_month', prorateRounding: { mode: 'floor', unit: 1 }, strikeFund: false };

export function settingsOf(repo: DuesRepo): DuesSettings {
  const p = repo.policy();
  if (!p) return DEFAULT_SETTINGS;
  // The column is checked on the way in (the policy schema's enum).
  const unit = p.prorate_unit as DuesSettings['prorateRounding']['unit'];
  return { classDay: p.class_day, exemptWhen: p.exempt_when, prorateRounding: { mode: p.prorate_mode, unit }, strikeFund: p.strike_fund === 1 };
}

/** Root → … → unit, for every unit (a union has hundreds). */
export function unitPaths(repo: DuesRepo): Map<string, string[]> {
  return unitPathsOf(repo.units());
}

/** The units whose subtrees the actor may act on for a dues action; 403 when none. */
export function scopeOf(actor: Actor, action: Extract<Action, 'dues.read' | 'dues.manage'>): string[] {
  const roots = scopeRoots(actor, action);
  if (roots.length === 0) throw new AppError('forbidden', 403, `Not allowed: ${action}`);
  return roots;
}

/**
 * Everything needed to evaluate a month for many members at once, read in a
 * handful of queries (never one per member). The class that counts is the
 * member's class on the roster (no class history is kept yet).
 */
export class MonthContext {
  readonly settings: DuesSettings;
  readonly policy: DuesPolicy;
  readonly accounts: DuesAccount[];
  private readonly rulesByAccount: Map<DuesAccount, DuesRule[]>;
  private readonly exemptions: Map<string, Exemption[]>;
  private readonly basePay: Map<string, number>;
  readonly paths: Map<string, string[]>;

  constructor(repo: DuesRepo, readonly month: string) {
    this.settings = settingsOf(repo);
    this.policy = { classDay: this.settings.classDay, exemptWhen: this.settings.exemptWhen, prorateRounding: this.settings.prorateRounding };
    this.accounts = this.settings.strikeFund ? ['general', 'strike'] : ['general'];
    const rules = repo.rules().map(toRule);
    this.rulesByAccount = new Map(this.accounts.map((a) => [a, rules.filter((r) => r.account === a)]));
    this.exemptions = repo.exemptionsByMember();
    this.basePay = repo.basePays(month);
    this.paths = unitPaths(repo);
  }

  inScope(member: DuesMember, roots: readonly string[]): boolean {
    const path = this.paths.get(member.unit_id) ?? [];
    return roots.some((r) => path.includes(r));
  }

  /** What the rules ask of a member for this month and account; `basePay` from a check-off file wins over the stored one. */
  expected(member: DuesMember, account: DuesAccount, basePay?: number): DuesResult {
    const pay = basePay ?? this.basePay.get(member.id);
    return duesFor(
      {
        month: this.month,
        classes: [{ memberClass: member.member_class, from: '0000-01-01' }],
        ...(pay === undefined ? {} : { basePay: pay }),
        exemptions: this.exemptions.get(member.id) ?? [],
      },
      this.rulesByAccount.get(account) ?? [],
      this.policy,
    );
  }
}
