import { Repository } from '../../lib/statements.ts';

export interface SubscriptionRow {
  endpoint: string;
  member_id: string;
  p256dh: string;
  auth: string;
}

/** The SQL of Web Push: members' subscriptions (one endpoint is one browser). */
export class PushRepo extends Repository {

  /** Stores the subscription as this member's (a shared phone's endpoint changes hands) and keeps their newest `max`. */
  subscribe(memberId: string, endpoint: string, keys: { p256dh: string; auth: string }, now: number, max: number): void {
    this.db
      .transaction(() => {
        this.sql(
          `INSERT INTO push_subscriptions (endpoint, member_id, p256dh, auth, created_at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (endpoint) DO UPDATE SET member_id = excluded.member_id, p256dh = excluded.p256dh, auth = excluded.auth, created_at = excluded.created_at`,
        ).run(endpoint, memberId, keys.p256dh, keys.auth, now);
        this.sql('DELETE FROM push_subscriptions WHERE member_id = ? AND endpoint NOT IN (SELECT endpoint FROM push_subscriptions WHERE member_id = ? ORDER BY created_at DESC, endpoint LIMIT ?)').run(memberId, memberId, max);
      })
      .immediate();
  }

  unsubscribe(memberId: string, endpoint: string): void {
    this.sql('DELETE FROM push_subscriptions WHERE endpoint = ? AND member_id = ?').run(endpoint, memberId);
  }

  delete(endpoint: string): void {
    this.sql('DELETE FROM push_subscriptions WHERE endpoint = ?').run(endpoint);
  }

  /** The subscriptions of these members, if they have not left. */
  ofMembers(memberIds: readonly string[]): SubscriptionRow[] {
    return this.sql(
      `SELECT s.endpoint, s.member_id, s.p256dh, s.auth FROM push_subscriptions s JOIN members m ON m.id = s.member_id
       WHERE m.status != 'left' AND s.member_id IN (SELECT value FROM json_each(?))`,
    ).all(JSON.stringify(memberIds)) as SubscriptionRow[];
  }

  /** Every subscription of members who have not left; with `unreadOf`, only of those who have not read that notice. */
  active(unreadOf: string | null): SubscriptionRow[] {
    return this.sql(
      `SELECT s.endpoint, s.member_id, s.p256dh, s.auth FROM push_subscriptions s JOIN members m ON m.id = s.member_id
       WHERE m.status != 'left' AND (? IS NULL OR NOT EXISTS (SELECT 1 FROM notice_reads r WHERE r.notice_id = ? AND r.member_id = s.member_id))`,
    ).all(unreadOf, unreadOf) as SubscriptionRow[];
  }
}
