import type { Db } from '../../db/database.ts';
import type { Clock } from '../../lib/clock.ts';
import { hashToken, randomToken } from '../../lib/crypto.ts';

export const SESSION_COOKIE = '__Host-kumiai_session';

export interface SessionPolicy {
  idleMs: number;
  absoluteMs: number;
}

const DAY = 24 * 3600 * 1000;
/** Fits a personal phone: a member who opens the app monthly stays signed in. */
export const PERSONAL_SESSION: SessionPolicy = { idleMs: 30 * DAY, absoluteMs: 180 * DAY };
/** A shared tablet: the client signs out after minutes idle; the server backs it with a short session. */
export const KIOSK_SESSION: SessionPolicy = { idleMs: 15 * 60 * 1000, absoluteMs: 8 * 3600 * 1000 };

export interface SessionRow {
  token_hash: string;
  member_id: string;
  kind: 'personal' | 'kiosk';
  created_at: number;
  last_seen_at: number;
  expires_at: number;
  idle_ms: number;
  kiosk_id: string | null;
}

/**
 * Sessions are 256-bit random tokens held by the browser in a __Host- cookie;
 * the database keeps only their SHA-256, so a stolen database opens no session.
 */
export class SessionService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  create(memberId: string, kind: 'personal' | 'kiosk', policy: SessionPolicy, kioskId: string | null = null): { token: string; expiresAt: number } {
    const token = randomToken(32);
    const now = this.clock.now();
    const expiresAt = now + policy.absoluteMs;
    this.db
      .prepare(
        'INSERT INTO sessions (token_hash, member_id, kind, created_at, last_seen_at, expires_at, idle_ms, kiosk_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(hashToken(token), memberId, kind, now, now, expiresAt, policy.idleMs, kioskId);
    return { token, expiresAt };
  }

  /** The live session for a token, touching its idle timer; null when unknown or expired. */
  resolve(token: string): SessionRow | null {
    const hash = hashToken(token);
    const row = this.db.prepare('SELECT * FROM sessions WHERE token_hash = ?').get(hash) as SessionRow | undefined;
    if (!row) return null;
    const now = this.clock.now();
    if (now >= row.expires_at || now - row.last_seen_at >= row.idle_ms) {
      this.db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(hash);
      return null;
    }
    // Touch at most once a minute: a busy client must not turn every request into a write.
    if (now - row.last_seen_at > 60_000) {
      this.db.prepare('UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?').run(now, hash);
      row.last_seen_at = now;
    }
    return row;
  }

  revoke(token: string): void {
    this.db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(hashToken(token));
  }

  /** Ends every session of a member ("sign out everywhere", or an admin ending them). */
  revokeAll(memberId: string): number {
    return this.db.prepare('DELETE FROM sessions WHERE member_id = ?').run(memberId).changes;
  }
}
