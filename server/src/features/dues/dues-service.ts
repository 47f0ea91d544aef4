import { randomUUID } from 'node:crypto';
import type {
  Actor, BasePayInput, CheckoffQuery, CheckoffReport, DirectPaymentInput, DuesAccount, DuesPolicyInput, DuesRuleInput, DuesRuleView, DuesSettings, ExemptionInput, ExemptionView,
} from '@kumiai/shared';
import type { Clock } from '../../lib/clock.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import type { Mutate } from '../../lib/mutate.ts';
import { parseFix, planCheckoff, type ColumnChoice } from './dues-checkoff.ts';
import { MonthContext, scopeOf, settingsOf, unitPaths } from './dues-context.ts';
import { toRule, type DuesMember, type DuesRepo, type RecordRow } from './dues-repo.ts';

/** Rules, policy, exemptions, base pay, check-off imports and direct payments; every write through `mutate`. */
export class DuesService {
  constructor(
    readonly repo: DuesRepo,
    private readonly clock: Clock,
    private readonly mutate: Mutate,
  ) {}

  private rootPath(): string[] {
    const root = this.repo.units().find((u) => u.parent_id === null);
    if (!root) throw new AppError('union_not_set_up', 409, 'The union is not set up yet');
    return [root.id];
  }

  private memberPath(memberId: string): { member: DuesMember; unitPath: string[] } {
    const member = this.repo.member(memberId);
    if (!member) throw notFound('No such member');
    return { member, unitPath: unitPaths(this.repo).get(member.unit_id) ?? [member.unit_id] };
  }

  settings(actor: Actor): DuesSettings {
    scopeOf(actor, 'dues.read');
    return settingsOf(this.repo);
  }

  setPolicy(actor: Actor, input: DuesPolicyInput): DuesSettings {
    const checks = [{ action: 'dues.manage' as const, resource: { unitPath: this.rootPath() } }];
    this.mutate(actor, { checks, audit: { action: 'dues.policy_set', target: null, detail: { ...input } } }, (now) => this.repo.savePolicy(input, now));
    return settingsOf(this.repo);
  }

  rules(actor: Actor): DuesRuleView[] {
    scopeOf(actor, 'dues.read');
    return this.repo.rules().map(toRule);
  }

  /** A rule starts after every recorded month, so no recorded month ever changes. */
  private refusePast(from: string): void {
    const last = this.repo.lastRecordedMonth();
    if (last !== null && from <= last) throw new AppError('dues_rule_past', 409, `Dues are recorded up to ${last}; a rule can start from a later month only`);
  }

  addRule(actor: Actor, input: DuesRuleInput): DuesRuleView {
    const account: DuesAccount = input.account ?? 'general';
    const f = input.formula;
    if (f.kind === 'rate' && f.floor !== undefined && f.cap !== undefined && f.floor > f.cap) throw new AppError('dues_rule_invalid', 400, 'The floor is above the cap');
    if (account === 'strike' && !settingsOf(this.repo).strikeFund) throw new AppError('dues_account_unknown', 400, 'No strike fund account');
    const checks = [{ action: 'dues.manage' as const, resource: { unitPath: this.rootPath() } }];
    const id = randomUUID();
    this.mutate(actor, { checks, audit: { action: 'dues.rule_added', target: id, detail: { memberClass: input.memberClass, account, from: input.from } } }, (now) => {
      this.refusePast(input.from);
      if (this.repo.rules().some((r) => r.member_class === input.memberClass && r.account === account && r.from_month === input.from)) {
        throw new AppError('dues_rule_invalid', 409, 'A rule for this class and account already starts that month');
      }
      this.repo.insertRule({ id, memberClass: input.memberClass, account, from: input.from, formula: f, by: actor.memberId, now });
    });
    const row = this.repo.rule(id);
    if (!row) throw notFound();
    return toRule(row);
  }

  deleteRule(actor: Actor, id: string): void {
    const checks = [{ action: 'dues.manage' as const, resource: { unitPath: this.rootPath() } }];
    this.mutate(actor, { checks, audit: { action: 'dues.rule_removed', target: id } }, () => {
      const rule = this.repo.rule(id);
      if (!rule) throw notFound('No such rule');
      this.refusePast(rule.from_month);
      this.repo.deleteRule(id);
    });
  }

  exemptions(actor: Actor, memberId: string): ExemptionView[] {
    const { unitPath } = this.memberPath(memberId);
    this.mutateFreeCheck(actor, 'dues.read', unitPath, memberId);
    return this.repo.exemptions(memberId).map((e) => ({ id: e.id, memberId: e.member_id, from: e.from_day, to: e.to_day, reason: e.reason }));
  }

  private mutateFreeCheck(actor: Actor, action: 'dues.read' | 'dues.manage', unitPath: string[], memberId?: string): void {
    const roots = scopeOf(actor, action);
    const own = action === 'dues.read' && memberId === actor.memberId;
    if (!own && !roots.some((r) => unitPath.includes(r))) throw notFound();
  }

  addExemption(actor: Actor, input: ExemptionInput): ExemptionView {
    if (input.to < input.from) throw new AppError('dues_exemption_invalid', 400, 'The exemption ends before it starts');
    const { unitPath } = this.memberPath(input.memberId);
    const id = randomUUID();
    const checks = [{ action: 'dues.manage' as const, resource: { unitPath, memberId: input.memberId } }];
    this.mutate(actor, { checks, audit: { action: 'dues.exemption_added', target: input.memberId, detail: { from: input.from, to: input.to } } }, (now) =>
      this.repo.insertExemption({ id, ...input, now }),
    );
    return { id, ...input };
  }

  deleteExemption(actor: Actor, id: string): void {
    const row = this.repo.exemption(id);
    if (!row) throw notFound('No such exemption');
    const { unitPath } = this.memberPath(row.member_id);
    const checks = [{ action: 'dues.manage' as const, resource: { unitPath, memberId: row.member_id } }];
    this.mutate(actor, { checks, audit: { action: 'dues.exemption_removed', target: row.member_id } }, () => this.repo.deleteExemption(id));
  }

  /** Base pay for rate rules; employee numbers outside the actor's scope are refused as unknown. */
  saveBasePay(actor: Actor, input: BasePayInput): { saved: number } {
    const roots = scopeOf(actor, 'dues.manage');
    const ctx = new MonthContext(this.repo, input.month);
    const byNumber = new Map(this.repo.members().filter((m) => ctx.inScope(m, roots)).map((m) => [m.employee_number, m.id]));
    const rows = input.rows.map((r) => {
      const memberId = byNumber.get(r.employeeNumber);
      if (!memberId) throw new AppError('not_found', 404, `No member with employee number ${r.employeeNumber} in your scope`);
      return { memberId, amount: r.basePay };
    });
    this.mutate(actor, { checks: [], audit: { action: 'dues.base_pay_saved', target: null, detail: { month: input.month, rows: rows.length } } }, () =>
      this.repo.saveBasePays(input.month, rows),
    );
    return { saved: rows.length };
  }

  private columnsFor(query: CheckoffQuery): ColumnChoice {
    const remembered = this.repo.employers().find((e) => e.employer === query.employer);
    const pick = (given: string | undefined, kept: string | null | undefined) => given ?? kept ?? undefined;
    const columns: ColumnChoice = {};
    const set = (k: keyof ColumnChoice, v: string | undefined) => {
      if (v !== undefined) columns[k] = v;
    };
    set('employeeNumber', pick(query.employeeNumber, remembered?.employeeNumber));
    set('amount', pick(query.amount, remembered?.amount));
    set('basePay', pick(query.basePay, remembered?.basePay));
    set('strikeAmount', pick(query.strikeAmount, remembered?.strikeAmount));
    return columns;
  }

  checkoffDryRun(actor: Actor, body: Buffer, query: CheckoffQuery): CheckoffReport {
    const roots = scopeOf(actor, 'dues.manage');
    const ctx = new MonthContext(this.repo, query.month);
    return planCheckoff(body, { employer: query.employer, month: query.month, columns: this.columnsFor(query), fixes: (query.fix ?? []).map(parseFix) }, ctx, this.repo.members(), roots).report;
  }

  /** One transaction: the earlier import of this employer and month goes, the new lines come, the month's records are recomputed. */
  checkoffApply(actor: Actor, body: Buffer, query: CheckoffQuery): CheckoffReport {
    const roots = scopeOf(actor, 'dues.manage');
    const ctx = new MonthContext(this.repo, query.month);
    const plan = planCheckoff(body, { employer: query.employer, month: query.month, columns: this.columnsFor(query), fixes: (query.fix ?? []).map(parseFix) }, ctx, this.repo.members(), roots);
    if (plan.report.blocked) {
      throw new AppError('checkoff_has_problems', 400, `${plan.report.problems.length} rows need fixing first`, undefined, { report: plan.report });
    }
    const id = randomUUID();
    const audit = {
      action: 'dues.checkoff_applied' as const,
      target: null,
      detail: (r: CheckoffReport) => ({ employer: r.employer, month: r.month, rows: r.rows, matched: r.matched, mismatches: r.mismatches.length, missing: r.missing.length, replaced: r.replaced === true, ...(r.fixed ? { fixed: r.fixed } : {}) }),
    };
    return this.mutate(actor, { checks: [], audit }, (now) => {
      // Replacing an import needs scope over everyone in it: a branch treasurer never wipes the union's lines for other branches.
      const mine = new Map(this.repo.members().filter((m) => ctx.inScope(m, roots)).map((m) => [m.id, m]));
      const earlier = this.repo.importMembers(query.employer, query.month);
      if (earlier.some((id) => !mine.has(id))) {
        throw new AppError('forbidden', 403, 'The earlier import of this employer and month covers members outside your units');
      }
      // Members of the earlier import who have left since still get their month recomputed.
      const recomputed = new Map(plan.scopeMembers.map((m) => [m.id, m]));
      for (const id of earlier) if (!recomputed.has(id)) recomputed.set(id, mine.get(id) as DuesMember);
      const replaced = this.repo.dropImport(query.employer, query.month);
      this.repo.insertImport({ id, employer: query.employer, month: query.month, rows: plan.report.rows, matched: plan.report.matched, by: actor.memberId, now });
      this.repo.insertPayments(plan.payments.map((p) => ({ ...p, importId: id })), actor.memberId, now);
      this.repo.saveBasePays(query.month, plan.basePays);
      this.repo.saveEmployer(plan.report.mapping, now);
      // Base pay from the file now counts for the month's expected amounts.
      this.recompute(new MonthContext(this.repo, query.month), [...recomputed.values()], now);
      return { ...plan.report, replaced };
    });
  }

  recordPayment(actor: Actor, input: DirectPaymentInput): { id: string } {
    const { member, unitPath } = this.memberPath(input.memberId);
    const account: DuesAccount = input.account ?? 'general';
    if (account === 'strike' && !settingsOf(this.repo).strikeFund) throw new AppError('dues_account_unknown', 400, 'No strike fund account');
    const checks = [{ action: 'dues.manage' as const, resource: { unitPath, memberId: member.id } }];
    const audit = { action: 'dues.payment_recorded' as const, target: member.id, detail: { month: input.month, account, amount: input.amount, method: input.method } };
    return this.mutate(actor, { checks, audit }, (now) => {
      this.repo.insertPayments([{ memberId: member.id, month: input.month, account, amount: input.amount, source: input.method, importId: null, note: input.note ?? null }], actor.memberId, now);
      this.recompute(new MonthContext(this.repo, input.month), [member], now);
      return { id: `${member.id}:${input.month}:${account}` };
    });
  }

  /**
   * The month's records of these members (and of anyone with a record or a
   * payment that month among them): expected from the rules, received from
   * the payments, written only where something changed.
   */
  private recompute(ctx: MonthContext, members: readonly DuesMember[], now: number): void {
    const wanted = new Set(members.map((m) => m.id));
    const received = new Map<string, { deducted: number; paid: number; sources: Set<string> }>();
    for (const r of this.repo.receivedIn(ctx.month)) {
      if (!wanted.has(r.member_id)) continue;
      const key = `${r.member_id}:${ctx.month}:${r.account}`;
      const entry = received.get(key) ?? { deducted: 0, paid: 0, sources: new Set<string>() };
      if (r.source === 'checkoff') entry.deducted += r.amount;
      else entry.paid += r.amount;
      entry.sources.add(r.source);
      received.set(key, entry);
    }
    const existing = new Set(this.repo.recordsIn(ctx.month).map((r) => r.id));
    const rows: RecordRow[] = [];
    for (const m of members) {
      for (const account of ['general', 'strike'] as const) {
        const id = `${m.id}:${ctx.month}:${account}`;
        const got = received.get(id);
        const expected = ctx.accounts.includes(account) ? ctx.expected(m, account).amount : 0;
        if (!got && expected === 0 && !existing.has(id)) continue;
        const sources = got ? [...got.sources] : [];
        const source = sources.length === 0 ? 'none' : sources.length === 1 ? (sources[0] as string) : 'mixed';
        rows.push({ id, member_id: m.id, unit_id: m.unit_id, month: ctx.month, account, expected, deducted: got?.deducted ?? 0, paid: got?.paid ?? 0, source });
      }
    }
    this.repo.upsertRecords(rows, now);
  }
}
