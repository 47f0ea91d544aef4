import type { Db } from '../../db/database.ts';
import type { Clock } from '../../lib/clock.ts';

export interface ThrottleRule {
  /** Attempts allowed in the window; the one that reaches the limit locks the key. */
  limit: number;
  windowMs: number;
  /** First lock; each further attempt while over the limit doubles it, up to maxLockMs. */
  lockMs: number;
  maxLockMs: number;
}

const MIN = 60_000;
/**
 * Guessing is slowed per address and per account-from-address hard, and per
 * account from everywhere softly. Every lock ends by itself within 15 minutes,
 * so nobody can lock a member out for good; an officer can also reissue a code.
 * The numbers are documented in the root README (Security); keep them in step.
 */
export const DEFAULT_RULES = {
  address: { limit: 30, windowMs: 15 * MIN, lockMs: 5 * MIN, maxLockMs: 15 * MIN },
  accountAtAddress: { limit: 5, windowMs: 15 * MIN, lockMs: 1 * MIN, maxLockMs: 15 * MIN },
  account: { limit: 50, windowMs: 60 * MIN, lockMs: 5 * MIN, maxLockMs: 15 * MIN },
} satisfies Record<string, ThrottleRule>;

export type ThrottleEntry = [key: string, rule: ThrottleRule];

/** An attempt counted in advance; `release` takes it back when it turns out to be a success. */
export interface Reservation {
  entries: { key: string; lockBefore: number; lockAfter: number }[];
}

interface Row {
  key: string;
  count: number;
  first_at: number;
  locked_until: number;
}

/**
 * Attempts are counted *before* they are evaluated: `reserve` checks the locks
 * and counts the attempt as a failure in one synchronous transaction, so N
 * concurrent guesses cannot all pass the check while the first ones are still
 * hashing. A success gives its reservation back (`release`).
 */
export class Throttle {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /**
   * Counts one attempt against every key, or, when any key is locked, counts
   * nothing and answers how long to wait. Synchronous: nothing can run between
   * the check and the count.
   */
  reserve(entries: ThrottleEntry[]): { reservation: Reservation } | { retryAfterMs: number } {
    const now = this.clock.now();
    const get = this.db.prepare('SELECT * FROM auth_failures WHERE key = ?');
    const put = this.db.prepare(
      'INSERT INTO auth_failures (key, count, first_at, locked_until) VALUES (?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET count = excluded.count, first_at = excluded.first_at, locked_until = excluded.locked_until',
    );
    return this.db
      .transaction((): { reservation: Reservation } | { retryAfterMs: number } => {
        const rows = entries.map(([key]) => get.get(key) as Row | undefined);
        const wait = Math.max(0, ...rows.map((row) => (row ? row.locked_until - now : 0)));
        if (wait > 0) return { retryAfterMs: wait };
        const reservation: Reservation = { entries: [] };
        entries.forEach(([key, rule], i) => {
          const row = rows[i];
          const fresh = !row || now - row.first_at >= rule.windowMs;
          const count = fresh ? 1 : row.count + 1;
          let lockedUntil = fresh ? 0 : row.locked_until;
          if (count >= rule.limit) lockedUntil = now + Math.min(rule.maxLockMs, rule.lockMs * 2 ** Math.min(count - rule.limit, 20));
          put.run(key, count, fresh ? now : row.first_at, lockedUntil);
          reservation.entries.push({ key, lockBefore: row?.locked_until ?? 0, lockAfter: lockedUntil });
        });
        return { reservation };
      })
      .immediate();
  }

  /** Takes back a reserved attempt that succeeded; a lock it set is lifted unless a later attempt has changed it. */
  release(reservation: Reservation): void {
    const get = this.db.prepare('SELECT * FROM auth_failures WHERE key = ?');
    const put = this.db.prepare('UPDATE auth_failures SET count = ?, locked_until = ? WHERE key = ?');
    this.db
      .transaction(() => {
        for (const entry of reservation.entries) {
          const row = get.get(entry.key) as Row | undefined;
          if (!row) continue;
          put.run(Math.max(0, row.count - 1), row.locked_until === entry.lockAfter ? entry.lockBefore : row.locked_until, entry.key);
        }
      })
      .immediate();
  }

  clear(keys: string[]): void {
    const del = this.db.prepare('DELETE FROM auth_failures WHERE key = ?');
    this.db.transaction(() => keys.forEach((key) => del.run(key)))();
  }
}
