import type { MemberView, Role, UpdateMemberRequest } from '@kumiai/shared';
import { Repository } from '../../lib/statements.ts';

/** A member's record as stored, without credentials (password, PIN, activation). */
export interface MemberColumns {
  id: string;
  employee_number: string;
  name: string;
  name_kana: string;
  unit_id: string;
  member_class: string;
  status: MemberView['status'];
  email: string | null;
  phone: string | null;
  joined_on: string | null;
}

export interface MemberRow extends MemberColumns {
  activated_at: number | null;
  has_code: number;
}

export interface MemberListFilter {
  /** The units whose subtrees are listed. */
  roots: readonly string[];
  status?: string;
  /** A LIKE pattern, already escaped with `\`. */
  like?: string;
  after?: string;
  limit: number;
}

export interface GrantRow {
  id: string;
  member_id: string;
  unit_id: string;
  role: Role;
}

const SELECT = `SELECT m.*, EXISTS (SELECT 1 FROM activation_codes a WHERE a.member_id = m.id) AS has_code FROM members m`;
/** The subtrees of a JSON array of unit ids: the units a scoped list may show. */
const SCOPE = `WITH RECURSIVE scope(id) AS (
  SELECT id FROM units WHERE id IN (SELECT value FROM json_each(@roots))
  UNION SELECT u.id FROM units u JOIN scope ON u.parent_id = scope.id)`;

/** The SQL of the member office: member records, their events, roles and activation codes. */
export class MembersRepo extends Repository {

  member(id: string): MemberRow | undefined {
    return this.sql(`${SELECT} WHERE m.id = ?`).get(id) as MemberRow | undefined;
  }

  /** One page in employee-number order (limit + 1 rows, so the caller knows whether more follow). */
  list(filter: MemberListFilter): MemberRow[] {
    const where = ['m.unit_id IN (SELECT id FROM scope)'];
    if (filter.status !== undefined) where.push('m.status = @status');
    if (filter.like !== undefined) where.push("(m.employee_number LIKE @like ESCAPE '\\' OR m.name LIKE @like ESCAPE '\\' OR m.name_kana LIKE @like ESCAPE '\\')");
    if (filter.after !== undefined) where.push('m.employee_number > @after');
    // At most eight shapes of this statement, each prepared once.
    return this.sql(`${SCOPE} ${SELECT} WHERE ${where.join(' AND ')} ORDER BY m.employee_number LIMIT @limit`).all({
      roots: JSON.stringify(filter.roots),
      limit: filter.limit + 1,
      ...(filter.status === undefined ? {} : { status: filter.status }),
      ...(filter.like === undefined ? {} : { like: filter.like }),
      ...(filter.after === undefined ? {} : { after: filter.after }),
    }) as MemberRow[];
  }

  grantsOf(memberIds: readonly string[]): GrantRow[] {
    return this.sql('SELECT id, member_id, role, unit_id FROM role_grants WHERE member_id IN (SELECT value FROM json_each(?)) ORDER BY created_at, id').all(JSON.stringify(memberIds)) as GrantRow[];
  }

  /** A member's roles in the order they were granted. */
  rolesOf(memberId: string): { id: string; role: Role; unit_id: string }[] {
    return this.sql('SELECT id, role, unit_id FROM role_grants WHERE member_id = ? ORDER BY created_at').all(memberId) as { id: string; role: Role; unit_id: string }[];
  }

  grant(id: string): GrantRow | undefined {
    return this.sql('SELECT id, member_id, unit_id, role FROM role_grants WHERE id = ?').get(id) as GrantRow | undefined;
  }

  adminCount(): number {
    return this.sql("SELECT count(*) FROM role_grants WHERE role = 'admin'").pluck().get() as number;
  }

  insertGrant(id: string, memberId: string, unitId: string, role: Role, now: number): void {
    this.sql('INSERT OR IGNORE INTO role_grants (id, member_id, unit_id, role, created_at) VALUES (?, ?, ?, ?, ?)').run(id, memberId, unitId, role, now);
  }

  deleteGrant(id: string): void {
    this.sql('DELETE FROM role_grants WHERE id = ?').run(id);
  }

  events(memberId: string): unknown[] {
    return this.sql('SELECT kind, from_unit, to_unit, from_status, to_status, effective_on, at FROM member_events WHERE member_id = ? ORDER BY id').all(memberId);
  }

  addEvent(memberId: string, kind: 'transferred' | 'status_changed', from: { unit?: string | null; status?: string | null }, to: { unit?: string | null; status?: string | null }, actorId: string | null, at: number): void {
    this.sql('INSERT INTO member_events (member_id, kind, from_unit, to_unit, from_status, to_status, actor_id, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(memberId, kind, from.unit ?? null, to.unit ?? null, from.status ?? null, to.status ?? null, actorId, at);
  }

  unitNames(): Map<string, string> {
    return new Map((this.sql('SELECT id, name FROM units').all() as { id: string; name: string }[]).map((u) => [u.id, u.name]));
  }

  activeUnitExists(id: string): boolean {
    return this.sql('SELECT 1 FROM units WHERE id = ? AND archived_at IS NULL').get(id) !== undefined;
  }

  /** The office's edit: fields left out of `input` keep the row's values. */
  update(row: MemberRow, input: UpdateMemberRequest, now: number): void {
    this.sql('UPDATE members SET name = ?, name_kana = ?, unit_id = ?, member_class = ?, status = ?, email = ?, phone = ?, updated_at = ? WHERE id = ?').run(
      input.name?.trim() ?? row.name,
      input.nameKana?.trim() ?? row.name_kana,
      input.unitId ?? row.unit_id,
      input.memberClass ?? row.member_class,
      input.status ?? row.status,
      input.email === undefined ? row.email : input.email,
      input.phone === undefined ? row.phone : input.phone,
      now,
      row.id,
    );
  }

  /** A member's own edit, COALESCE-style: a field left out keeps its value, an explicit null clears it. */
  updateContact(memberId: string, input: { email?: string | null; phone?: string | null; preferredLanguage?: 'ja' | 'en' | null }, now: number): void {
    this.sql(
      `UPDATE members SET email = CASE WHEN ? THEN ? ELSE email END, phone = CASE WHEN ? THEN ? ELSE phone END,
       preferred_language = CASE WHEN ? THEN ? ELSE preferred_language END, updated_at = ? WHERE id = ?`,
    ).run(
      input.email !== undefined ? 1 : 0,
      input.email ?? null,
      input.phone !== undefined ? 1 : 0,
      input.phone ?? null,
      input.preferredLanguage !== undefined ? 1 : 0,
      input.preferredLanguage ?? null,
      now,
      memberId,
    );
  }

  /** Ends every session; returns how many there were. */
  deleteSessions(memberId: string): number {
    return this.sql('DELETE FROM sessions WHERE member_id = ?').run(memberId).changes;
  }

  deletePushSubscriptions(memberId: string): void {
    this.sql('DELETE FROM push_subscriptions WHERE member_id = ?').run(memberId);
  }

  /** Replaces any earlier code of the member. */
  putActivationCode(memberId: string, codeHash: string, issuedBy: string | null, now: number, expiresAt: number): void {
    this.sql(
      `INSERT INTO activation_codes (member_id, code_hash, issued_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (member_id) DO UPDATE SET code_hash = excluded.code_hash, issued_by = excluded.issued_by, created_at = excluded.created_at, expires_at = excluded.expires_at`,
    ).run(memberId, codeHash, issuedBy, now, expiresAt);
  }
}
