import { can, canManageMember, type Action, type Actor, type MemberManagementAction, type MemberTarget, type Resource } from '@kumiai/shared';
import type { Db } from '../db/database.ts';
import type { AuditAction, AuditService } from '../features/audit/audit-service.ts';
import type { Clock } from './clock.ts';
import { AppError } from './errors.ts';

/**
 * One permission check: an action on a resource, or a management action on a
 * member (which also needs the actor to be able to grant every role the member holds).
 */
export type MutationCheck = { action: Action; resource: Resource } | { action: MemberManagementAction; member: MemberTarget };

export interface MutationSpec<T = unknown> {
  /** Every check must pass; out-of-scope answers 404 so it does not reveal the record exists. */
  checks: MutationCheck[];
  audit: {
    action: AuditAction;
    target: string | null;
    /** Fixed, or read from the change's result (how many rows an import wrote, how many members a reminder reached). */
    detail?: Record<string, unknown> | ((result: T) => Record<string, unknown>);
    /**
     * Records that the action happened, never who did it (a ballot cast): no
     * actor id, and the time only to the day (ANONYMOUS_TIME_GRAIN_MS), so the
     * row's time cannot be matched to a sign-in or a request log. Its place in
     * the chain (between its neighbours) is all that remains, as the chain needs.
     * Target and detail must not name the actor either; the wrapper refuses them if they do.
     */
    anonymous?: boolean;
  };
}

/** An anonymous audit entry's time is rounded down to this (one day). */
export const ANONYMOUS_TIME_GRAIN_MS = 24 * 3600 * 1000;

function refusal(actor: Actor, check: MutationCheck): AppError | null {
  const resource: Resource = 'member' in check ? { unitPath: check.member.unitPath } : check.resource;
  if (!can(actor, check.action, resource)) {
    const readable = can(actor, 'unit.read', resource) || can(actor, 'member.read', resource);
    return readable ? new AppError('forbidden', 403, `Not allowed: ${check.action}`) : new AppError('not_found', 404, 'Not found');
  }
  if ('member' in check && !canManageMember(actor, check.action, check.member)) {
    return new AppError('member_holds_higher_role', 403, `Not allowed: ${check.action} on a member who holds a role you cannot grant`);
  }
  return null;
}

/**
 * The one path for privileged changes: check the permission rules, run the
 * change and write its audit row in one write transaction, stamped with the
 * server clock. Features call this instead of checking and auditing by hand.
 */
export function createMutator(db: Db, audit: AuditService, clock: Clock) {
  return function mutate<T>(actor: Actor | null, spec: MutationSpec<T>, change: (now: number) => T): T {
    if (actor) {
      for (const check of spec.checks) {
        const refused = refusal(actor, check);
        if (refused) throw refused;
      }
    }
    return db
      .transaction(() => {
        const result = change(clock.now());
        const { action, target, detail, anonymous } = spec.audit;
        const details = typeof detail === 'function' ? detail(result) : detail;
        if (anonymous) {
          // A programming error, caught before anything commits: the entry would link the actor.
          if (actor && JSON.stringify([target, details ?? {}]).includes(actor.memberId)) throw new Error(`Anonymous audit entry ${action} names its actor`);
          const at = Math.floor(clock.now() / ANONYMOUS_TIME_GRAIN_MS) * ANONYMOUS_TIME_GRAIN_MS;
          audit.record(null, action, target, details, { at });
        } else {
          audit.record(actor?.memberId ?? null, action, target, details);
        }
        return result;
      })
      .immediate();
  };
}

export type Mutate = ReturnType<typeof createMutator>;
