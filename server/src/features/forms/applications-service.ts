import {
  can,
  scopeRoots,
  transition,
  type Actor,
  type Answer,
  type ApplicationAction,
  type ApplicationActionInput,
  type ApplicationDetail,
  type ApplicationPage,
  type ApplicationState,
  type ApplicationSummary,
  type SubmissionState,
  type TransitionContext,
} from '@kumiai/shared';
import { requireOffice } from '../../lib/access.ts';
import { AppError, badRequest } from '../../lib/errors.ts';
import type { Mutate } from '../../lib/mutate.ts';
import type { ActorRepo } from '../auth/index.ts';
import type { PushService } from '../push/index.ts';
import { resolveChain, type ChainStep } from './forms-chain.ts';
import type { FormsRepo, ListedRow, SubmissionRow } from './forms-repo.ts';

const PAGE = 50;
const OFFICER_ACTIONS = ['approve', 'return', 'reject', 'pay'] as const;

export interface InboxQuery {
  state?: SubmissionState;
  step?: number;
  unit?: string;
  form?: string;
  mine?: boolean;
  cursor?: string;
}

const GUARD_ERRORS: Record<string, AppError> = {
  own_application: new AppError('own_application', 403, 'Nobody acts on their own application'),
  not_current_approver: new AppError('not_current_approver', 403, 'Only the current step’s approvers act'),
  wrong_state: new AppError('wrong_state', 403, 'The action does not apply in this state'),
  not_treasurer: new AppError('forbidden', 403, 'Recording a payment needs application.pay over the applicant’s unit'),
  not_applicant: new AppError('forbidden', 403, 'Only the applicant does that'),
};

type PushEvent = (typeof OFFICER_ACTIONS)[number] | 'next_step' | 'please_approve';
/** Push texts in each member's own language (members.preferred_language; Japanese when unset). */
const PUSH_TEXT: Record<'ja' | 'en', Record<PushEvent, string>> = {
  ja: { approve: '承認されました', return: '差し戻されました', reject: '却下されました', pay: '支払いが完了しました', next_step: '次の承認に進みました', please_approve: '承認をお願いします' },
  en: { approve: 'approved', return: 'returned for changes', reject: 'rejected', pay: 'paid', next_step: 'moved to the next approval', please_approve: 'waiting for your approval' },
};

const encodeCursor = (row: { updated_at: number; id: string }) => Buffer.from(JSON.stringify([row.updated_at, row.id])).toString('base64url');
function decodeCursor(cursor: string): [number, string] {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(value) && typeof value[0] === 'number' && typeof value[1] === 'string') return [value[0], value[1]];
  } catch {
    // fall through
  }
  throw badRequest('Invalid cursor');
}

/**
 * The approval side of applications: the inbox of what a reviewer may see,
 * the detail with its chain, and officer actions applied with compare-and-set
 * (two approvers acting at once: exactly one applies, the other gets 409).
 */
export class ApplicationsService {
  constructor(
    private readonly actors: ActorRepo,
    private readonly repo: FormsRepo,
    private readonly mutate: Mutate,
    private readonly push: PushService,
  ) {}

  private chainOf(row: SubmissionRow): ChainStep[] {
    return resolveChain(this.repo, this.actors, this.repo.version(row.form_id, row.form_version)?.steps ?? [], row.unit_id, row.member_id);
  }

  private context(actor: Actor, row: SubmissionRow, chain: ChainStep[]): TransitionContext {
    return {
      applicantId: row.member_id,
      actorId: actor.memberId,
      currentApprovers: row.state === 'in_review' ? (chain[row.step]?.approvers ?? []) : [],
      actorMayPay: row.unit_id !== null && can(actor, 'application.pay', { unitPath: this.actors.unitPath(row.unit_id) }),
    };
  }

  /**
   * An application a reviewer may see: the access rule (shared/src/access.ts)
   * with no author (nobody reviews their own), an audience of the applicant
   * alone (who is told 403) and application.review over the applicant's unit
   * as the officer's scope. Drafts are their applicant's alone: no reviewer's at all.
   */
  private reviewable(actor: Actor, id: string): SubmissionRow {
    const found = this.repo.submission(id);
    const row = found && found.kind === 'application' && found.unit_id !== null && found.state !== 'draft' ? found : undefined;
    const application = (r: SubmissionRow) => ({ authorId: null, audience: { all: false, units: [], roles: [], members: [r.member_id] }, released: true });
    return requireOffice(actor, row, application, () => can(actor, 'application.review', { unitPath: this.actors.unitPath(row!.unit_id!) }));
  }

  inbox(actor: Actor, query: InboxQuery): ApplicationPage {
    const roots = scopeRoots(actor, 'application.review');
    if (roots.length === 0) throw new AppError('forbidden', 403, 'Reviewing applications needs application.review');
    const [afterTime, afterId] = query.cursor ? decodeCursor(query.cursor) : [null, null];
    const items: ApplicationSummary[] = [];
    let cursor: { updated_at: number; id: string } | null = afterTime === null ? null : { updated_at: afterTime, id: afterId };
    // "Mine" is decided per row (who acts depends on the chain), so read on until the page is full.
    for (;;) {
      const rows = this.repo.inboxPage({
        roots: JSON.stringify(roots),
        unit: query.unit ?? null,
        state: query.state ?? null,
        step: query.step ?? null,
        form: query.form ?? null,
        mine: query.mine ? 1 : 0,
        afterTime: cursor?.updated_at ?? null,
        afterId: cursor?.id ?? null,
        limit: PAGE + 1,
      });
      for (const row of rows.slice(0, PAGE)) {
        cursor = row;
        const summary = this.summary(actor, row, this.chainOf(row));
        if (!query.mine || summary.mayAct) items.push(summary);
        if (items.length === PAGE) return { items, next: encodeCursor(row) };
      }
      if (rows.length <= PAGE) return { items, next: null };
    }
  }

  private summary(actor: Actor, row: ListedRow, chain: ChainStep[]): ApplicationSummary {
    return {
      id: row.id,
      formId: row.form_id,
      formTitle: row.form_title,
      memberId: row.member_id,
      memberName: row.member_name,
      employeeNumber: row.employee_number,
      unitId: row.unit_id ?? '',
      unitName: row.unit_name ?? '',
      state: row.state,
      step: row.step,
      steps: row.steps,
      submittedAt: row.submitted_at,
      updatedAt: row.updated_at,
      mayAct: row.state === 'in_review' && row.member_id !== actor.memberId && (chain[row.step]?.approvers.includes(actor.memberId) ?? false),
    };
  }

  detail(actor: Actor, id: string): ApplicationDetail {
    const row = this.reviewable(actor, id);
    const listed = this.repo.listed(id)!;
    const chain = this.chainOf(row);
    const ctx = this.context(actor, row, chain);
    const status = { state: row.state as ApplicationState, step: row.step, steps: row.steps };
    return {
      ...this.summary(actor, listed, chain),
      formVersion: row.form_version,
      fields: this.repo.version(row.form_id, row.form_version)?.fields ?? [],
      answers: JSON.parse(row.answers) as Record<string, Answer | null>,
      history: this.repo.history(id),
      chain: chain.map((c) => ({ ...c, unitName: this.repo.unitName(c.unitId), approvers: c.approvers.map((a) => ({ id: a, name: this.repo.memberName(a) ?? '' })) })),
      actions: OFFICER_ACTIONS.filter((action): action is (typeof OFFICER_ACTIONS)[number] & ApplicationAction => transition(status, action, ctx).ok),
    };
  }

  /** One officer action, applied only if the application is still where the officer saw it; audited; the applicant (and the next approvers) are told by push. */
  act(actor: Actor, id: string, input: ApplicationActionInput): ApplicationDetail {
    const seen = this.reviewable(actor, id);
    const spec = {
      checks: [{ action: 'application.review' as const, resource: { unitPath: this.actors.unitPath(seen.unit_id!) } }],
      audit: { action: 'application.acted' as const, target: id, detail: { action: input.action, from: input.expectedState, step: input.expectedStep } },
    };
    const after = this.mutate(actor, spec, (now) => {
      const row = this.repo.submission(id)!;
      const changed = () => new AppError('application_changed', 409, 'The application changed since you looked: reload it');
      if (row.state !== input.expectedState || row.step !== input.expectedStep) throw changed();
      const chain = this.chainOf(row);
      const result = transition({ state: row.state as ApplicationState, step: row.step, steps: row.steps }, input.action, this.context(actor, row, chain));
      if (!result.ok) throw GUARD_ERRORS[result.reason]!;
      const { state, step } = result.status;
      if (!this.repo.moveSubmission(id, { state: input.expectedState, step: input.expectedStep }, { state, step }, now)) throw changed();
      this.repo.addEvent(id, { at: now, actorId: actor.memberId, action: input.action, state, step, comment: input.comment?.trim() || null });
      return { ...row, state, step, chain };
    });
    this.tell([after.member_id], after.form_id, id, after.state === 'in_review' ? 'next_step' : input.action);
    if (after.state === 'in_review') this.tell(after.chain[after.step]?.approvers ?? [], after.form_id, id, 'please_approve');
    return this.detail(actor, id);
  }

  /** An application just submitted from a device (offline, perhaps): its first approvers are told. */
  notifySubmitted(id: string): void {
    const row = this.repo.submission(id);
    if (!row || row.state !== 'in_review') return;
    this.tell(this.chainOf(row)[row.step]?.approvers ?? [], row.form_id, id, 'please_approve');
  }

  /** A push to members, each in their own language; the link goes to the applicant's page or the approver's. */
  private tell(memberIds: readonly string[], formId: string, id: string, event: PushEvent): void {
    const title = this.repo.form(formId)?.title ?? '申請';
    // The client's routes: the applicant's own submission, and the approver's detail.
    const url = event === 'please_approve' ? `/approvals/${encodeURIComponent(id)}` : `/submissions/${encodeURIComponent(id)}`;
    const languages = this.repo.languages(memberIds);
    for (const lang of ['ja', 'en'] as const) {
      const ids = memberIds.filter((m) => (languages.get(m) ?? 'ja') === lang);
      this.push.toMembers(ids, { type: 'application', applicationId: id, title: `${title}: ${PUSH_TEXT[lang][event]}`, url });
    }
  }
}
