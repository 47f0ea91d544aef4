import { Repository } from '../../lib/statements.ts';

export type Row = Record<string, unknown>;

/** The SQL of members' data rights: everything held about one member, and pseudonymising those who left. */
export class DataRightsRepo extends Repository {
  unitOf(memberId: string): string | undefined {
    return this.sql('SELECT unit_id FROM members WHERE id = ?').pluck().get(memberId) as string | undefined;
  }

  /** Every section of the member's data, as rows. */
  sections(id: string): Record<string, Row[]> {
    const all = (sql: string) => this.sql(sql).all(id) as Row[];
    return {
      member: all(
        `SELECT id, employee_number, name, name_kana, unit_id, member_class, status, email, phone, preferred_language, joined_on,
           activated_at, created_at, updated_at, pseudonymised_at, password_hash IS NOT NULL AS has_password, pin_hash IS NOT NULL AS has_pin
         FROM members WHERE id = ?`,
      ),
      roles: all('SELECT role, unit_id, created_at FROM role_grants WHERE member_id = ? ORDER BY created_at'),
      history: all('SELECT kind, from_unit, to_unit, from_status, to_status, effective_on, actor_id, at FROM member_events WHERE member_id = ? ORDER BY id'),
      submissions: all('SELECT id, form_id, form_version, kind, unit_id, answers, state, step, steps, submitted_at, created_at FROM submissions WHERE member_id = ? AND anonymous = 0 ORDER BY created_at'),
      submission_history: all(
        `SELECT e.submission_id, e.n, e.at, e.actor_id, e.action, e.state, e.step, e.comment FROM submission_events e
         JOIN submissions s ON s.id = e.submission_id WHERE s.member_id = ? AND s.anonymous = 0 ORDER BY e.submission_id, e.n`,
      ),
      read_receipts: all('SELECT r.notice_id, n.title, r.read_at FROM notice_reads r LEFT JOIN notices n ON n.id = r.notice_id WHERE r.member_id = ? ORDER BY r.read_at'),
      comments: all('SELECT id, notice_id, kind, text, emoji, hidden, deleted, created_at FROM notice_comments WHERE author_id = ? ORDER BY created_at'),
      uploads: all('SELECT hash, name, at FROM upload_owners WHERE member_id = ? ORDER BY at'),
      sessions: all('SELECT created_at, expires_at, kiosk_id FROM sessions WHERE member_id = ? ORDER BY created_at'),
      api_tokens: all('SELECT id, label, created_at, expires_at, revoked_at FROM api_tokens WHERE member_id = ? ORDER BY created_at'),
      push_subscriptions: all('SELECT created_at FROM push_subscriptions WHERE member_id = ?'),
      audit_entries: this.sql('SELECT seq, at, actor_id, action, target, detail FROM audit_log WHERE target = ? OR actor_id = ? ORDER BY seq').all(id, id) as Row[],
    };
  }

  /** Members who left before `cutoff` (by their leaving event, else their last update) and are not pseudonymised yet. */
  dueForPseudonymisation(cutoff: number): string[] {
    return this.sql(
      `SELECT m.id FROM members m WHERE m.status = 'left' AND m.pseudonymised_at IS NULL
         AND COALESCE((SELECT max(e.at) FROM member_events e WHERE e.member_id = m.id AND e.to_status = 'left'), m.updated_at) < ?`,
    )
      .pluck()
      .all(cutoff) as string[];
  }

  /** Replaces the member's name, number and contact by the pseudonym and removes their credentials, sessions, subscriptions and throttle keys. */
  pseudonymise(id: string, pseudonym: string, now: number): void {
    const old = this.sql('SELECT employee_number FROM members WHERE id = ?').pluck().get(id) as string;
    this.sql(
      `UPDATE members SET name = ?, name_kana = '', employee_number = ?, email = NULL, phone = NULL, password_hash = NULL, pin_hash = NULL,
         pseudonymised_at = ?, updated_at = ? WHERE id = ?`,
    ).run(pseudonym, `x-${id}`, now, now, id);
    this.sql('DELETE FROM activation_codes WHERE member_id = ?').run(id);
    this.sql('DELETE FROM sessions WHERE member_id = ?').run(id);
    this.sql('DELETE FROM push_subscriptions WHERE member_id = ?').run(id);
    // Sign-in throttling keys name the employee number.
    this.sql("DELETE FROM auth_failures WHERE key LIKE '%:acct:' || ? || '%'").run(old);
  }

  /**
   * Runs `write` in one IMMEDIATE transaction with `secure_delete` on, then
   * VACUUMs and truncates the WAL: old row versions in free pages (earlier
   * updates) and in the WAL go too.
   */
  overwriting(write: () => void): void {
    // On for every connection already (openDatabase); said again here, where it matters most.
    this.db.pragma('secure_delete = ON');
    this.db.transaction(write).immediate();
    this.db.exec('VACUUM');
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }
}
