import { createHash } from 'node:crypto';
import { stringify } from 'csv-stringify/sync';
import { strToU8, zipSync } from 'fflate';
import type { Actor } from '@kumiai/shared';
import type { Db } from '../../db/database.ts';
import type { Clock } from '../../lib/clock.ts';
import { notFound } from '../../lib/errors.ts';
import type { Mutate } from '../../lib/mutate.ts';
import type { AuditService } from '../audit/audit-service.ts';
import type { ActorRepo } from '../auth/actor-repo.ts';

type Row = Record<string, unknown>;

/**
 * Each member's data rights under APPI (issue 15):
 * - `export`: everything held about one member (開示請求), for an officer with
 *   `member.manage` on the member's unit, as a ZIP of one JSON and a CSV per
 *   section; audited. Anonymous survey answers are not in it: nothing links them to anyone.
 * - `pseudonymiseExpired`: after a member left and the retention period
 *   passed, their name, kana, contact and employee number are replaced by a
 *   stable pseudonym derived from their (random) id, credentials removed, with
 *   SQLite's `secure_delete` on, a VACUUM and a WAL checkpoint, so no copy of
 *   the old values stays in the database file or its WAL. Counts stay; the
 *   audit log refers to member ids, never names, so its hash chain stays valid.
 */
export class DataRightsService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly actors: ActorRepo,
    private readonly mutate: Mutate,
    private readonly audit: AuditService,
  ) {}

  private sections(id: string): Record<string, Row[]> {
    const all = (sql: string, ...params: unknown[]) => this.db.prepare(sql).all(...params) as Row[];
    return {
      member: all(
        `SELECT id, employee_number, name, name_kana, unit_id, member_class, status, email, phone, preferred_language, joined_on,
           activated_at, created_at, updated_at, pseudonymised_at, password_hash IS NOT NULL AS has_password, pin_hash IS NOT NULL AS has_pin
         FROM members WHERE id = ?`,
        id,
      ),
      roles: all('SELECT role, unit_id, created_at FROM role_grants WHERE member_id = ? ORDER BY created_at', id),
      history: all('SELECT kind, from_unit, to_unit, from_status, to_status, effective_on, actor_id, at FROM member_events WHERE member_id = ? ORDER BY id', id),
      submissions: all(
        'SELECT id, form_id, form_version, kind, unit_id, answers, state, step, steps, submitted_at, created_at FROM submissions WHERE member_id = ? AND anonymous = 0 ORDER BY created_at',
        id,
      ),
      submission_history: all(
        `SELECT e.submission_id, e.n, e.at, e.actor_id, e.action, e.state, e.step, e.comment FROM submission_events e
         JOIN submissions s ON s.id = e.submission_id WHERE s.member_id = ? AND s.anonymous = 0 ORDER BY e.submission_id, e.n`,
        id,
      ),
      read_receipts: all('SELECT r.notice_id, n.title, r.read_at FROM notice_reads r LEFT JOIN notices n ON n.id = r.notice_id WHERE r.member_id = ? ORDER BY r.read_at', id),
      comments: all('SELECT id, notice_id, kind, text, emoji, hidden, deleted, created_at FROM notice_comments WHERE author_id = ? ORDER BY created_at', id),
      uploads: all('SELECT hash, name, at FROM upload_owners WHERE member_id = ? ORDER BY at', id),
      sessions: all('SELECT created_at, expires_at, kiosk_id FROM sessions WHERE member_id = ? ORDER BY created_at', id),
      api_tokens: all('SELECT id, label, created_at, expires_at, revoked_at FROM api_tokens WHERE member_id = ? ORDER BY created_at', id),
      push_subscriptions: all('SELECT created_at FROM push_subscriptions WHERE member_id = ?', id),
      audit_entries: all('SELECT seq, at, actor_id, action, target, detail FROM audit_log WHERE target = ? OR actor_id = ? ORDER BY seq', id, id),
    };
  }

  /** The member's data as a ZIP (`member.json` + one CSV per section); the export itself is audited. */
  export(actor: Actor | null, memberId: string): { fileName: string; body: Buffer } {
    const unitId = this.db.prepare('SELECT unit_id FROM members WHERE id = ?').pluck().get(memberId) as string | undefined;
    if (!unitId) throw notFound();
    const checks = [{ action: 'member.manage' as const, resource: { unitPath: this.actors.unitPath(unitId) } }];
    return this.mutate(actor, { checks, audit: { action: 'member.data_exported', target: memberId } }, (now) => {
      const sections = this.sections(memberId);
      const files: Record<string, Uint8Array> = {
        'member.json': strToU8(JSON.stringify({ exportedAt: new Date(now).toISOString(), memberId, ...sections }, null, 2)),
      };
      for (const [name, rows] of Object.entries(sections)) {
        const columns = rows[0] ? Object.keys(rows[0]) : [];
        // BOM: Excel opens UTF-8 CSV with Japanese text correctly only with it.
        files[`${name}.csv`] = strToU8(`\uFEFF${stringify(rows, { header: true, columns: columns.length ? columns : undefined })}`);
      }
      return { fileName: `member-${memberId}-${new Date(now).toISOString().slice(0, 10)}.zip`, body: Buffer.from(zipSync(files, { level: 6 })) };
    });
  }

  /** Pseudonymises members who left more than `retentionDays` ago; returns their ids. */
  pseudonymiseExpired(retentionDays: number): string[] {
    const cutoff = this.clock.now() - retentionDays * 24 * 3600 * 1000;
    const due = this.db
      .prepare(
        `SELECT m.id FROM members m WHERE m.status = 'left' AND m.pseudonymised_at IS NULL
           AND COALESCE((SELECT max(e.at) FROM member_events e WHERE e.member_id = m.id AND e.to_status = 'left'), m.updated_at) < ?`,
      )
      .pluck()
      .all(cutoff) as string[];
    if (due.length === 0) return [];
    this.db.pragma('secure_delete = ON');
    try {
      this.db
        .transaction(() => {
          const now = this.clock.now();
          for (const id of due) {
            const old = this.db.prepare('SELECT employee_number FROM members WHERE id = ?').pluck().get(id) as string;
            const pseudonym = `退会者-${createHash('sha256').update(id).digest('hex').slice(0, 10)}`;
            this.db
              .prepare(
                `UPDATE members SET name = ?, name_kana = '', employee_number = ?, email = NULL, phone = NULL, password_hash = NULL, pin_hash = NULL,
                   pseudonymised_at = ?, updated_at = ? WHERE id = ?`,
              )
              .run(pseudonym, `x-${id}`, now, now, id);
            this.db.prepare('DELETE FROM activation_codes WHERE member_id = ?').run(id);
            this.db.prepare('DELETE FROM sessions WHERE member_id = ?').run(id);
            this.db.prepare('DELETE FROM push_subscriptions WHERE member_id = ?').run(id);
            // Sign-in throttling keys name the employee number.
            this.db.prepare("DELETE FROM auth_failures WHERE key LIKE '%:acct:' || ? || '%'").run(old);
            this.audit.record(null, 'member.pseudonymised', id, { retentionDays });
          }
        })
        .immediate();
      // Old row versions in free pages (earlier updates, before secure_delete) and in the WAL go too.
      this.db.exec('VACUUM');
      this.db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      this.db.pragma('secure_delete = OFF');
    }
    return due;
  }
}
