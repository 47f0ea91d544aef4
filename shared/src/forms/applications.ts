import type { FromSchema } from 'json-schema-to-ts';

/**
 * The life of an application (各種申請: 慶弔金 and the like) as pure
 * functions: every state change and its guards, testable without a database.
 * The server decides with them and stores the result; the client uses them to
 * show only the buttons that would succeed.
 *
 *   draft ─submit→ in_review(step 0) ─approve→ in_review(step 1) … ─approve (last)→ approved ─pay→ paid
 *   in_review ─return→ returned ─submit→ in_review(step 0)
 *   in_review ─reject→ rejected
 *   draft | returned | in_review ─withdraw→ withdrawn
 */

export const applicationStates = ['draft', 'in_review', 'returned', 'approved', 'rejected', 'paid', 'withdrawn'] as const;
export type ApplicationState = (typeof applicationStates)[number];

export const applicationActions = ['submit', 'approve', 'return', 'reject', 'pay', 'withdraw'] as const;
export type ApplicationAction = (typeof applicationActions)[number];

export interface ApplicationStatus {
  state: ApplicationState;
  /** The approval step under review (0-based), when in_review. */
  step: number;
  /** Steps in the template's chain. */
  steps: number;
}

export interface TransitionContext {
  applicantId: string;
  actorId: string;
  /**
   * Who may act on the current step, already resolved by the server from the
   * step's role and level relative to the applicant's unit, with a step whose
   * only approver is the applicant escalated upwards.
   */
  currentApprovers: readonly string[];
  /** Whether the actor may record payments (a treasurer covering the applicant). */
  actorMayPay: boolean;
}

export type TransitionResult =
  | { ok: true; status: ApplicationStatus }
  | { ok: false; reason: 'not_applicant' | 'not_current_approver' | 'own_application' | 'not_treasurer' | 'wrong_state' };

const to = (status: ApplicationStatus, state: ApplicationState, step = 0): TransitionResult => ({ ok: true, status: { ...status, state, step } });

/** One state change with its guards. A comment may accompany any of them (stored beside the result). */
export function transition(status: ApplicationStatus, action: ApplicationAction, ctx: TransitionContext): TransitionResult {
  const isApplicant = ctx.actorId === ctx.applicantId;
  switch (action) {
    case 'submit':
      if (!isApplicant) return { ok: false, reason: 'not_applicant' };
      if (status.state !== 'draft' && status.state !== 'returned') return { ok: false, reason: 'wrong_state' };
      return status.steps === 0 ? to(status, 'approved') : to(status, 'in_review', 0);
    case 'withdraw':
      if (!isApplicant) return { ok: false, reason: 'not_applicant' };
      if (status.state !== 'draft' && status.state !== 'returned' && status.state !== 'in_review') return { ok: false, reason: 'wrong_state' };
      return to(status, 'withdrawn');
    case 'approve':
    case 'return':
    case 'reject': {
      if (status.state !== 'in_review') return { ok: false, reason: 'wrong_state' };
      // Nobody approves their own application, whatever roles they hold.
      if (isApplicant) return { ok: false, reason: 'own_application' };
      if (!ctx.currentApprovers.includes(ctx.actorId)) return { ok: false, reason: 'not_current_approver' };
      if (action === 'return') return to(status, 'returned');
      if (action === 'reject') return to(status, 'rejected');
      return status.step + 1 < status.steps ? to(status, 'in_review', status.step + 1) : to(status, 'approved');
    }
    case 'pay':
      if (status.state !== 'approved') return { ok: false, reason: 'wrong_state' };
      if (isApplicant) return { ok: false, reason: 'own_application' };
      if (!ctx.actorMayPay) return { ok: false, reason: 'not_treasurer' };
      return to(status, 'paid');
  }
}

/** A step of an approval chain: a role, at a level above the applicant's unit (0 = the unit itself) or the union. */
export const approvalStepSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['role', 'level'],
  properties: {
    role: { type: 'string', enum: ['officer', 'treasurer', 'admin'] },
    level: { anyOf: [{ type: 'integer', minimum: 0, maximum: 20 }, { type: 'string', enum: ['union'] }] },
  },
} as const;
export type ApprovalStep = FromSchema<typeof approvalStepSchema>;

/**
 * The unit whose role holders approve a step, and who they are. `unitPath` is
 * root → … → the applicant's unit; `holders(unitId, role)` lists members with
 * that role granted on that unit. A step whose only approver is the applicant
 * (or that nobody holds) escalates one level up. When nobody up to the union
 * holds the role, the union's admins act, so that no application is left
 * waiting for an approver who does not exist; [] only when there is none either.
 */
export function stepApprovers(step: ApprovalStep, unitPath: readonly string[], applicantId: string, holders: (unitId: string, role: ApprovalStep['role']) => readonly string[]): { unitId: string | null; approvers: string[] } {
  let index = step.level === 'union' ? 0 : Math.max(0, unitPath.length - 1 - step.level);
  for (; index >= 0; index--) {
    const unitId = unitPath[index]!;
    const others = holders(unitId, step.role).filter((id) => id !== applicantId);
    if (others.length > 0) return { unitId, approvers: others };
  }
  const root = unitPath[0];
  const admins = root === undefined || step.role === 'admin' ? [] : holders(root, 'admin').filter((id) => id !== applicantId);
  return admins.length > 0 ? { unitId: root!, approvers: admins } : { unitId: null, approvers: [] };
}
