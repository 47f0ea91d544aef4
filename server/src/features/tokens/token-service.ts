import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/database.ts';
import type { Clock } from '../../lib/clock.ts';
import { hashToken, randomToken } from '../../lib/crypto.ts';

export interface TokenInfo {
  id: string;
  memberId: string;
  employeeNumber: string;
  label: string;
  createdAt: number;
  expiresAt: number;
  revokedAt: number | null;
}

/**
 * Bearer tokens for scripts and sync clients acting as a member. Prefixed so a
 * leaked one is recognisable in a scanner; stored only as a hash.
 */
export class TokenService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  create(memberId: string, ttlDays: number, label = ''): { id: string; token: string; expiresAt: number } {
    const id = randomUUID();
    const token = `kumiai_${randomToken(32)}`;
    const now = this.clock.now();
    const expiresAt = now + ttlDays * 24 * 3600 * 1000;
    this.db
      .prepare('INSERT INTO api_tokens (id, token_hash, member_id, label, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(id, hashToken(token), memberId, label, now, expiresAt);
    return { id, token, expiresAt };
  }

  /** The member a live token acts for, or null. */
  resolve(token: string): string | null {
    const row = this.db
      .prepare('SELECT member_id, expires_at, revoked_at FROM api_tokens WHERE token_hash = ?')
      .get(hashToken(token)) as { member_id: string; expires_at: number; revoked_at: number | null } | undefined;
    if (!row || row.revoked_at !== null || this.clock.now() >= row.expires_at) return null;
    return row.member_id;
  }

  revoke(id: string): boolean {
    return this.db.prepare('UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(this.clock.now(), id).changes === 1;
  }

  list(): TokenInfo[] {
    return (
      this.db
        .prepare(
          `SELECT t.id, t.member_id, m.employee_number, t.label, t.created_at, t.expires_at, t.revoked_at
           FROM api_tokens t JOIN members m ON m.id = t.member_id ORDER BY t.created_at`,
        )
        .all() as { id: string; member_id: string; employee_number: string; label: string; created_at: number; expires_at: number; revoked_at: number | null }[]
    ).map((r) => ({
      id: r.id,
      memberId: r.member_id,
      employeeNumber: r.employee_number,
      label: r.label,
      createdAt: r.created_at,
      expiresAt: r.expires_at,
      revokedAt: r.revoked_at,
    }));
  }
}
