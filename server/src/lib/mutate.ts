import { can, type Action, type Actor, type Resource } from '@kumiai/shared';
import type { Db } from '../db/database.ts';
import type { AuditAction, AuditService } from '../features/audit/audit-service.ts';
import type { Clock } from './clock.ts';
import { AppError } from './errors.ts';

export interface MutationSpec {
  /** Every check must pass; out-of-scope answers 404 so it does not reveal the record exists. */
  checks: { action: Action; resource: Resource }[];
  audit: { action: AuditAction; target: string | null; detail?: Record<string, unknown> };
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
        if (!can(actor, check.action, check.resource)) {
          const readable = can(actor, 'unit.read', check.resource) || can(actor, 'member.read', check.resource);
          throw readable ? new AppError('forbidden', 403, `Not allowed: ${check.action}`) : new AppError('not_found', 404, 'Not found');
        }
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
