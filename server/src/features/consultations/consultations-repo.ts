import { leadsDesk, roles, type ConsultationCategory, type ConsultationStatus, type DeskLevel, type Officer, type Role } from '@kumiai/shared';
import { Repository } from '../../lib/statements.ts';

/** The roles that lead a desk where they are granted (consultation.desk), read from the one rule in shared/. */
export const DESK_ROLES: readonly Role[] = roles.filter((role) => leadsDesk({ memberId: '', unitPath: [], status: 'active', grants: [{ role, unitId: 'x' }] }, 'x'));

export interface CaseRow {
  id: string;
  member_id: string;
  audience: string;
  erased: number;
  category: ConsultationCategory;
  desk_unit_id: string;
  desk_level: DeskLevel;
  status: ConsultationStatus;
  assignees: string;
  needs_assignment: number;
  opened_at: number;
  closed_at: number | null;
}

/** The SQL of consultations beyond what devices write (consultations-sync.ts). */
export class ConsultationsRepo extends Repository {
  case(id: string): CaseRow | undefined {
    return this.sql(`SELECT * FROM consultations WHERE id = ? AND kind = 'case'`).get(id) as CaseRow | undefined;
  }

  /** Cases at these desks, newest first (never their content). */
  atDesks(unitIds: readonly string[]): CaseRow[] {
    return this.sql(`SELECT * FROM consultations WHERE kind = 'case' AND erased = 0 AND desk_unit_id IN (SELECT value FROM json_each(?)) ORDER BY opened_at DESC LIMIT 500`).all(
      JSON.stringify(unitIds),
    ) as CaseRow[];
  }

  /** Open cases with someone assigned (the hand-over check). */
  assigned(): CaseRow[] {
    return this.sql(`SELECT * FROM consultations WHERE kind = 'case' AND erased = 0 AND assignees != '[]'`).all() as CaseRow[];
  }

  /** Sets the case's officers; every row of the case (messages, notes) gets them as its audience, so the sync engine removes it from those taken off. */
  setAssignees(caseId: string, officers: readonly Officer[], audience: string, now: number): void {
    this.sql(`UPDATE consultations SET assignees = ?, needs_assignment = ?, updated_at = ? WHERE id = ? AND kind = 'case'`).run(JSON.stringify(officers), officers.length === 0 ? 1 : 0, now, caseId);
    this.sql(`UPDATE consultations SET audience = ?, updated_at = ? WHERE case_id = ? AND audience != ?`).run(audience, now, caseId, audience);
  }

  setStatus(caseId: string, status: ConsultationStatus, now: number): void {
    const closing = status === 'resolved' || status === 'closed';
    this.sql(`UPDATE consultations SET status = ?, closed_at = ?, updated_at = ? WHERE id = ? AND kind = 'case'`).run(status, closing ? now : null, now, caseId);
  }

  /** The content of a case (text, files' names, contact note, messages, notes) gone; the case row keeps category, desk and month for the counts. */
  erase(caseId: string, now: number): void {
    this.sql(`UPDATE consultations SET erased = 1, text = '', attachments = '', contact_note = '', updated_at = ? WHERE case_id = ? AND erased = 0`).run(now, caseId);
    this.sql(`UPDATE consultations SET status = 'closed', closed_at = coalesce(closed_at, ?) WHERE id = ? AND kind = 'case'`).run(now, caseId);
  }

  /** Sealed files of a case (to delete with it). */
  filesOf(caseId: string): { id: string; hash: string }[] {
    return this.sql('SELECT id, hash FROM consultation_files WHERE case_id = ?').all(caseId) as { id: string; hash: string }[];
  }

  /** Files uploaded before `before` and never attached. */
  unattached(before: number): { id: string; hash: string }[] {
    return this.sql('SELECT id, hash FROM consultation_files WHERE record_id IS NULL AND created_at < ?').all(before) as { id: string; hash: string }[];
  }

  forgetFile(id: string): void {
    this.sql('DELETE FROM consultation_files WHERE id = ?').run(id);
  }

  /** Resolved or closed cases whose content is due for deletion. */
  due(closedBefore: number): string[] {
    return this.sql(`SELECT id FROM consultations WHERE kind = 'case' AND erased = 0 AND status IN ('resolved', 'closed') AND closed_at < ?`).pluck().all(closedBefore) as string[];
  }

  retentionDays(): number {
    return this.sql('SELECT retention_days FROM consultation_settings WHERE id = 1').pluck().get() as number;
  }

  setRetentionDays(days: number): void {
    this.sql('UPDATE consultation_settings SET retention_days = ? WHERE id = 1').run(days);
  }

  /** Who may lead or handle cases around a unit: grants on these units, of members still in the union. */
  grantsOn(unitIds: readonly string[]): { member_id: string; name: string; role: Role; unit_id: string }[] {
    return this.sql(
      `SELECT g.member_id, m.name, g.role, g.unit_id FROM role_grants g JOIN members m ON m.id = g.member_id
       WHERE m.status != 'left' AND g.unit_id IN (SELECT value FROM json_each(?)) ORDER BY m.name_kana, m.name`,
    ).all(JSON.stringify(unitIds)) as { member_id: string; name: string; role: Role; unit_id: string }[];
  }

  /** Changes whenever a role is granted or taken or a member leaves: the hand-over check runs then. */
  rolesFingerprint(): string {
    return this.sql(`SELECT (SELECT count(*) || '/' || total(rowid) FROM role_grants) || '/' || (SELECT count(*) FROM members WHERE status = 'left')`).pluck().get() as string;
  }

  /** Counts per category × desk unit × month (of opening) in a month range. */
  counts(from: string, to: string): { category: ConsultationCategory; unit_id: string; month: string; n: number }[] {
    return this.sql(
      `SELECT category, desk_unit_id AS unit_id, month, count(*) AS n FROM consultations WHERE kind = 'case' AND month BETWEEN ? AND ?
       GROUP BY category, desk_unit_id, month ORDER BY month, category, desk_unit_id`,
    ).all(from, to) as { category: ConsultationCategory; unit_id: string; month: string; n: number }[];
  }
}
