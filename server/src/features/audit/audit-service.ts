import { createHash } from 'node:crypto';
import type { Db } from '../../db/database.ts';
import type { Clock } from '../../lib/clock.ts';
import { statementCache } from '../../lib/statements.ts';
import type { AuditAction } from '../index.ts';

/** The actions the chain records are those the feature modules declare (`auditActions` in each module.ts). */
export type { AuditAction };

export interface AuditEntry {
  seq: number;
  at: number;
  actor_id: string | null;
  action: string;
  target: string | null;
  detail: string;
  prev_hash: string;
  hash: string;
}

const GENESIS = '0'.repeat(64);

function entryHash(prev: string, e: Pick<AuditEntry, 'seq' | 'at' | 'actor_id' | 'action' | 'target' | 'detail'>): string {
  // A JSON array: unambiguous field boundaries, stable order.
  return createHash('sha256')
    .update(JSON.stringify([prev, e.seq, e.at, e.actor_id, e.action, e.target, e.detail]))
    .digest('hex');
}

/**
 * Append-only audit log of every privileged action. Each row's hash covers the
 * previous row's hash, so editing, deleting or reordering any row breaks the
 * chain from that row on, and `verify()` names the first broken link.
 * `record` must run inside the caller's write transaction, so the action and
 * its audit row commit together or not at all.
 */
export class AuditService {
  private readonly sql;

  constructor(
    db: Db,
    private readonly clock: Clock,
  ) {
    this.sql = statementCache(db);
  }

  /** `options.at` replaces the server clock's time (an anonymous entry's coarse time, lib/mutate.ts). */
  record(actorId: string | null, action: AuditAction, target: string | null, detail: Record<string, unknown> = {}, options: { at?: number } = {}): void {
    const last = this.sql('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
      | { seq: number; hash: string }
      | undefined;
    const entry = {
      seq: (last?.seq ?? 0) + 1,
      at: options.at ?? this.clock.now(),
      actor_id: actorId,
      action,
      target,
      detail: JSON.stringify(detail),
    };
    const prev = last?.hash ?? GENESIS;
    this.sql('INSERT INTO audit_log (seq, at, actor_id, action, target, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(entry.seq, entry.at, entry.actor_id, entry.action, entry.target, entry.detail, prev, entryHash(prev, entry));
  }

  /** Walks the chain; returns the first broken link, or ok with the number of rows checked. */
  verify(): { ok: true; count: number } | { ok: false; seq: number; reason: string; count: number } {
    let prev = GENESIS;
    let expectedSeq = 1;
    let count = 0;
    for (const row of this.sql('SELECT * FROM audit_log ORDER BY seq').iterate() as IterableIterator<AuditEntry>) {
      if (row.seq !== expectedSeq) return { ok: false, seq: expectedSeq, reason: `row ${expectedSeq} is missing`, count };
      if (row.prev_hash !== prev) return { ok: false, seq: row.seq, reason: 'previous-hash link does not match', count };
      if (entryHash(prev, row) !== row.hash) return { ok: false, seq: row.seq, reason: 'row content does not match its hash', count };
      prev = row.hash;
      expectedSeq += 1;
      count += 1;
    }
    return { ok: true, count };
  }
}
