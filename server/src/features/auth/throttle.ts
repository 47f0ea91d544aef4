import type { Db } from '../../db/database.ts';
import type { Clock } from '../../lib/clock.ts';

export interface ThrottleRule {
  /** Failures allowed in the window before the key is locked. */
  limit: number;
  windowMs: number;
  /** First lock; each further failure while over the limit doubles it, up to maxLockMs. */
  lockMs: number;
  maxLockMs: number;
}

const MIN = 60_000;
/**
 * Guessing is slowed per address and per account-from-address hard, and per
 * account from everywhere softly. Every lock ends by itself within 15 minutes,
 * so nobody can lock a member out for good; an officer can also reissue a code.
 */
export const DEFAULT_RULES = {
  address: { limit: 30, windowMs: 15 * MIN, lockMs: 5 * MIN, maxLockMs: 15 * MIN },
  accountAtAddress: { limit: 5, windowMs: 15 * MIN, lockMs: 1 * MIN, maxLockMs: 15 * MIN },
  account: { limit: 50, windowMs: 60 * MIN, lockMs: 5 * MIN, maxLockMs: 15 * MIN },
} satisfies Record<string, ThrottleRule>;

interface Row {
  key: string;
  count: number;
  first_at: number;
  locked_until: number;
}

export class Throttle {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /** Milliseconds until the first of these keys unlocks, or 0 when none is locked. */
  retryAfter(keys: string[]): number {
    const now = this.clock.now();
    let wait = 0;
    const get = this.db.prepare('SELECT locked_until FROM auth_failures WHERE key = ?').pluck();
    for (const key of keys) wait = Math.max(wait, ((get.get(key) as number | undefined) ?? 0) - now);
    return Math.max(0, wait);
  }

  fail(entries: [key: string, rule: ThrottleRule][]): void {
    const now = this.clock.now();
    const get = this.db.prepare('SELECT * FROM auth_failures WHERE key = ?');
    const put = this.db.prepare(
      'INSERT INTO auth_failures (key, count, first_at, locked_until) VALUES (?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET count = excluded.count, first_at = excluded.first_at, locked_until = excluded.locked_until',
    );
    this.db.transaction(() => {
      for (const [key, rule] of entries) {
        const row = get.get(key) as Row | undefined;
        const fresh = !row || now - row.first_at >= rule.windowMs;
        const count = fresh ? 1 : row.count + 1;
        const firstAt = fresh ? now : row.first_at;
        let lockedUntil = fresh ? 0 : row.locked_until;
        if (count >= rule.limit) {
          const over = count - rule.limit;
          lockedUntil = now + Math.min(rule.maxLockMs, rule.lockMs * 2 ** Math.min(over, 20));
        }
        put.run(key, count, firstAt, lockedUntil);
      }
    })();
  }

  clear(keys: string[]): void {
    const del = this.db.prepare('DELETE FROM auth_failures WHERE key = ?');
    this.db.transaction(() => keys.forEach((key) => del.run(key)))();
  }
}
