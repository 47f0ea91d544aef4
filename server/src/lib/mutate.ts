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

export interface MutationSpec {
  /** Every check must pass; out-of-scope answers 404 so it does not reveal the record exists. */
  checks: MutationCheck[];
  audit: { action: AuditAction; target: string | null; detail?: Record<string, unknown> };
}

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
  return function mutate<T>(actor: Actor | null, spec: MutationSpec, change: (now: number) => T): T {
    if (actor) {
      for (const check of spec.checks) {
        const refused = refusal(actor, check);
        if (refused) throw refused;
      }
    }
    return db
      .transaction(() => {
        const result = change(clock.now());
        audit.record(actor?.memberId ?? null, spec.audit.action, spec.audit.target, spec.audit.detail);
        return result;
      })
      .immediate();
  };
}

export type Mutate = ReturnType<typeof createMutator>;
