import type { AuditTargetKind } from '@kumiai/shared';
import { Repository } from '../../lib/statements.ts';
import type { AuditEntry } from './audit-service.ts';

export interface AuditFilter {
  actorId?: string;
  actions?: readonly string[];
  /** Inclusive lower and exclusive upper bound of `at` (ms). */
  fromAt?: number;
  toAt?: number;
  beforeSeq?: number;
}

/** An entry of the chain without its hashes, with the actor's and the target's names joined in. */
export interface AuditListRow extends Omit<AuditEntry, 'prev_hash' | 'hash'> {
  actor_name: string | null;
  target_name: string | null;
  target_kind: AuditTargetKind | null;
}

/**
 * Reading the audit log for people: filtered, newest first, with the actor's
 * and the target's display names joined in the same query (never per row).
 * A target is whatever the action names: a member, unit, notice, form,
 * document, kiosk or application (named by its applicant); its kind says which.
 */
export class AuditRepo extends Repository {
  lastSeq(): number {
    return (this.sql('SELECT max(seq) FROM audit_log').pluck().get() as number | null) ?? 0;
  }

  list(filter: AuditFilter, limit: number): AuditListRow[] {
    const where: string[] = ['a.seq < ?'];
    const params: (string | number)[] = [filter.beforeSeq ?? Number.MAX_SAFE_INTEGER];
    if (filter.actorId !== undefined) {
      where.push('a.actor_id = ?');
      params.push(filter.actorId);
    }
    if (filter.actions && filter.actions.length > 0) {
      where.push(`a.action IN (${filter.actions.map(() => '?').join(', ')})`);
      params.push(...filter.actions);
    }
    if (filter.fromAt !== undefined) {
      where.push('a.at >= ?');
      params.push(filter.fromAt);
    }
    if (filter.toAt !== undefined) {
      where.push('a.at < ?');
      params.push(filter.toAt);
    }
    // The statement differs with the number of actions; the cache keeps one per shape.
    return this.sql(
      `SELECT a.seq, a.at, a.actor_id, a.action, a.target, a.detail, am.name AS actor_name,
         COALESCE(tm.name, tu.name, tn.title, tf.title, td.title, tk.name, tsm.name) AS target_name,
         CASE WHEN tm.id IS NOT NULL THEN 'member' WHEN tu.id IS NOT NULL THEN 'unit' WHEN tn.id IS NOT NULL THEN 'notice'
              WHEN tf.id IS NOT NULL THEN 'form' WHEN td.id IS NOT NULL THEN 'document' WHEN tk.id IS NOT NULL THEN 'kiosk'
              WHEN ts.id IS NOT NULL THEN 'application' END AS target_kind
       FROM audit_log a
       LEFT JOIN members am ON am.id = a.actor_id
       LEFT JOIN members tm ON tm.id = a.target
       LEFT JOIN units tu ON tu.id = a.target
       LEFT JOIN notices tn ON tn.id = a.target
       LEFT JOIN forms tf ON tf.id = a.target
       LEFT JOIN documents td ON td.id = a.target
       LEFT JOIN kiosks tk ON tk.id = a.target
       LEFT JOIN submissions ts ON ts.id = a.target
       LEFT JOIN members tsm ON tsm.id = ts.member_id
       WHERE ${where.join(' AND ')}
       ORDER BY a.seq DESC LIMIT ?`,
    ).all(...params, limit) as AuditListRow[];
  }
}
