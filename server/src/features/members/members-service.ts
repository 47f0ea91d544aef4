import { randomUUID } from 'node:crypto';
import {
  can,
  canGrantRole,
  normalizeActivationCode,
  scopeRoots,
  type ActivationCard,
  type Actor,
  type ListMembersQuery,
  type MemberView,
  type Role,
  type UpdateMemberRequest,
} from '@kumiai/shared';
import type { Db } from '../../db/database.ts';
import type { Clock } from '../../lib/clock.ts';
import { hashToken } from '../../lib/crypto.ts';
import { toExcelCsv } from '../../lib/csv-export.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import type { Mutate, MutationCheck } from '../../lib/mutate.ts';
import type { ActorRepo } from '../auth/actor-repo.ts';
import { newActivationCode } from './activation-codes.ts';

interface MemberRow {
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
  activated_at: number | null;
  has_code: number;
}

const SELECT = `SELECT m.*, EXISTS (SELECT 1 FROM activation_codes a WHERE a.member_id = m.id) AS has_code FROM members m`;

const toView = (r: MemberRow): MemberView => ({
  id: r.id,
  employeeNumber: r.employee_number,
  name: r.name,
  nameKana: r.name_kana,
  unitId: r.unit_id,
  memberClass: r.member_class,
  status: r.status,
  email: r.email,
  phone: r.phone,
  joinedOn: r.joined_on,
  activated: r.activated_at !== null,
  hasActivationCode: r.has_code === 1,
});

/** The subtree CTE of the given roots: the units a scoped list may show. */
const subtreeSql = (roots: number) => `WITH RECURSIVE scope(id) AS (
  SELECT id FROM units WHERE id IN (${Array.from({ length: roots }, () => '?').join(',')})
  UNION SELECT u.id FROM units u JOIN scope ON u.parent_id = scope.id)`;

export class MembersService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly actors: ActorRepo,
    private readonly mutate: Mutate,
    private readonly options: { publicUrl: string; activationTtlMs: number },
  ) {}

  private row(id: string): MemberRow | undefined {
    return this.db.prepare(`${SELECT} WHERE m.id = ?`).get(id) as MemberRow | undefined;
  }

  /** A member the actor may read, else 404: an out-of-scope record is indistinguishable from none. */
  private readable(actor: Actor, id: string): MemberRow {
    const row = this.row(id);
    if (!row || !can(actor, 'member.read', { unitPath: this.actors.unitPath(row.unit_id), memberId: row.id })) throw notFound();
    return row;
  }

  list(actor: Actor, query: ListMembersQuery): { members: MemberView[]; next: string | null } {
    const roots = scopeRoots(actor, 'member.read');
    if (query.unitId) {
      // Narrow to a unit's subtree, but only inside the actor's scope.
      if (!can(actor, 'member.read', { unitPath: this.actors.unitPath(query.unitId) })) return { members: [], next: null };
      roots.splice(0, roots.length, query.unitId);
    }
    if (roots.length === 0) return { members: [], next: null };
    const limit = Math.min(500, Math.max(1, Number(query.limit ?? 100)));
    const where = ['m.unit_id IN (SELECT id FROM scope)'];
    const params: (string | number)[] = [...roots];
    if (query.status) {
      where.push('m.status = ?');
      params.push(query.status);
    }
    if (query.q) {
      const like = `%${query.q.normalize('NFKC').trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      where.push("(m.employee_number LIKE ? ESCAPE '\\' OR m.name LIKE ? ESCAPE '\\' OR m.name_kana LIKE ? ESCAPE '\\')");
      params.push(like, like, like);
    }
    if (query.after) {
      where.push('m.employee_number > ?');
      params.push(query.after);
    }
    const rows = this.db
      .prepare(`${subtreeSql(roots.length)} ${SELECT} WHERE ${where.join(' AND ')} ORDER BY m.employee_number LIMIT ?`)
      .all(...params, limit + 1) as MemberRow[];
    const page = rows.slice(0, limit);
    const grants = new Map<string, { role: Role; unitId: string }[]>(page.map((r) => [r.id, []]));
    if (page.length > 0) {
      const held = this.db.prepare(`SELECT member_id, role, unit_id FROM role_grants WHERE member_id IN (${page.map(() => '?').join(',')}) ORDER BY created_at, id`).all(...page.map((r) => r.id)) as { member_id: string; role: Role; unit_id: string }[];
      for (const g of held) grants.get(g.member_id)?.push({ role: g.role, unitId: g.unit_id });
    }
    return { members: page.map((r) => ({ ...toView(r), roles: grants.get(r.id) ?? [] })), next: rows.length > limit ? (page.at(-1)?.employee_number ?? null) : null };
  }

  /** The roster in scope as a CSV for Excel (audited: exports are privileged). */
  exportCsv(actor: Actor, query: Omit<ListMembersQuery, 'after' | 'limit'>): Buffer {
    if (scopeRoots(actor, 'member.read').length === 0) throw new AppError('forbidden', 403, 'Not allowed: member export');
    const units = new Map((this.db.prepare('SELECT id, name FROM units').all() as { id: string; name: string }[]).map((u) => [u.id, u.name]));
    const rows: string[][] = [];
    let after: string | undefined;
    do {
      const page = this.list(actor, { ...query, limit: '500', ...(after ? { after } : {}) });
      for (const m of page.members) rows.push([m.employeeNumber, m.name, m.nameKana, units.get(m.unitId) ?? '', m.memberClass, m.status, m.joinedOn ?? '', m.email ?? '', m.phone ?? '']);
      after = page.next ?? undefined;
    } while (after);
    return this.mutate(actor, { checks: [], audit: { action: 'export.created', target: null, detail: { kind: 'members', rows: rows.length, ...query } } }, () =>
      toExcelCsv(['社員番号', '氏名', 'フリガナ', '所属', '組合員区分', '状態', '加入日', 'メール', '電話'], rows),
    );
  }

  get(actor: Actor, id: string): MemberView & { history: unknown[]; roles: { id: string; role: Role; unitId: string }[] } {
    const row = this.readable(actor, id);
    const history = this.db.prepare('SELECT kind, from_unit, to_unit, from_status, to_status, effective_on, at FROM member_events WHERE member_id = ? ORDER BY id').all(id);
    const roles = (this.db.prepare('SELECT id, role, unit_id FROM role_grants WHERE member_id = ? ORDER BY created_at').all(id) as { id: string; role: Role; unit_id: string }[]).map((r) => ({
      id: r.id,
      role: r.role,
      unitId: r.unit_id,
    }));
    return { ...toView(row), history, roles };
  }

  update(actor: Actor | null, id: string, input: UpdateMemberRequest): MemberView {
    const row = actor ? this.readable(actor, id) : this.row(id);
    if (!row) throw notFound();
    const checks: MutationCheck[] = [{ action: 'member.manage', member: this.actors.memberTarget(row.id, row.unit_id) }];
    const transfer = input.unitId !== undefined && input.unitId !== row.unit_id;
    if (transfer) {
      const exists = this.db.prepare('SELECT 1 FROM units WHERE id = ? AND archived_at IS NULL').get(input.unitId);
      if (!exists) throw notFound('No such unit');
      checks.push({ action: 'member.manage', resource: { unitPath: this.actors.unitPath(input.unitId!) } });
    }
    return this.mutate(actor, { checks, audit: { action: 'member.updated', target: id, detail: { fields: Object.keys(input) } } }, (now) => {
      this.db
        .prepare(
          `UPDATE members SET name = ?, name_kana = ?, unit_id = ?, member_class = ?, status = ?, email = ?, phone = ?, updated_at = ? WHERE id = ?`,
        )
        .run(
          input.name?.trim() ?? row.name,
          input.nameKana?.trim() ?? row.name_kana,
          input.unitId ?? row.unit_id,
          input.memberClass ?? row.member_class,
          input.status ?? row.status,
          input.email === undefined ? row.email : input.email,
          input.phone === undefined ? row.phone : input.phone,
          now,
          id,
        );
      const event = this.db.prepare(
        'INSERT INTO member_events (member_id, kind, from_unit, to_unit, from_status, to_status, actor_id, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      );
      if (transfer) event.run(id, 'transferred', row.unit_id, input.unitId, null, null, actor?.memberId ?? null, now);
      if (input.status && input.status !== row.status) event.run(id, 'status_changed', null, null, row.status, input.status, actor?.memberId ?? null, now);
      // A member who leaves is signed out everywhere at once.
      if (input.status === 'left') {
        this.db.prepare('DELETE FROM sessions WHERE member_id = ?').run(id);
        this.db.prepare('DELETE FROM push_subscriptions WHERE member_id = ?').run(id);
      }
      return toView(this.row(id)!);
    });
  }

  endSessions(actor: Actor | null, id: string): number {
    const row = actor ? this.readable(actor, id) : this.row(id);
    if (!row) throw notFound();
    return this.mutate(
      actor,
      { checks: [{ action: 'member.end_sessions', member: this.actors.memberTarget(row.id, row.unit_id) }], audit: { action: 'sessions.ended', target: id } },
      () => this.db.prepare('DELETE FROM sessions WHERE member_id = ?').run(id).changes,
    );
  }

  /**
   * New one-time codes for these members (replacing any earlier code): only
   * hashes are stored; the plain codes are returned once, for printing.
   */
  issueCodes(actor: Actor | null, memberIds: string[]): ActivationCard[] {
    const rows = memberIds.map((id) => (actor ? this.readable(actor, id) : this.row(id)) ?? (() => { throw notFound(); })());
    const unitNames = new Map((this.db.prepare('SELECT id, name FROM units').all() as { id: string; name: string }[]).map((u) => [u.id, u.name]));
    const checks = rows.map((r): MutationCheck => ({ action: 'member.issue_code', member: this.actors.memberTarget(r.id, r.unit_id) }));
    return this.mutate(actor, { checks, audit: { action: 'code.issued', target: null, detail: { memberIds } } }, (now) => {
      const put = this.db.prepare(
        `INSERT INTO activation_codes (member_id, code_hash, issued_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (member_id) DO UPDATE SET code_hash = excluded.code_hash, issued_by = excluded.issued_by, created_at = excluded.created_at, expires_at = excluded.expires_at`,
      );
      return rows.map((r) => {
        if (r.status === 'left') throw new AppError('forbidden', 403, `${r.employee_number} has left the union`);
        const code = newActivationCode();
        const expiresAt = now + this.options.activationTtlMs;
        put.run(r.id, hashToken(normalizeActivationCode(code)), actor?.memberId ?? null, now, expiresAt);
        return {
          memberId: r.id,
          employeeNumber: r.employee_number,
          name: r.name,
          unitName: unitNames.get(r.unit_id) ?? '',
          code,
          expiresAt,
          url: `${this.options.publicUrl}/activate#code=${code}`,
        };
      });
    });
  }

  grantRole(actor: Actor | null, input: { memberId: string; unitId: string; role: Role }): { id: string } {
    const member = actor ? this.readable(actor, input.memberId) : this.row(input.memberId);
    if (!member) throw notFound();
    const unitPath = this.actors.unitPath(input.unitId);
    if (unitPath.length === 0) throw notFound('No such unit');
    if (actor && !canGrantRole(actor, input.role, unitPath)) throw new AppError('forbidden', 403, `Not allowed to grant ${input.role} there`);
    const id = randomUUID();
    // Changing someone's roles is managing them: not an admin's, for a branch officer, even to add a lesser role.
    const checks: MutationCheck[] = [{ action: 'member.manage', member: this.actors.memberTarget(member.id, member.unit_id) }];
    return this.mutate(actor, { checks, audit: { action: 'role.granted', target: input.memberId, detail: { role: input.role, unitId: input.unitId } } }, (now) => {
      this.db.prepare('INSERT OR IGNORE INTO role_grants (id, member_id, unit_id, role, created_at) VALUES (?, ?, ?, ?, ?)').run(id, input.memberId, input.unitId, input.role, now);
      return { id };
    });
  }

  revokeRole(actor: Actor | null, grantId: string): void {
    const grant = this.db.prepare('SELECT member_id, unit_id, role FROM role_grants WHERE id = ?').get(grantId) as { member_id: string; unit_id: string; role: Role } | undefined;
    if (!grant) throw notFound();
    if (actor && !canGrantRole(actor, grant.role, this.actors.unitPath(grant.unit_id))) throw notFound();
    if (grant.role === 'admin') {
      const admins = this.db.prepare("SELECT count(*) FROM role_grants WHERE role = 'admin'").pluck().get() as number;
      if (admins <= 1) throw new AppError('forbidden', 403, 'The last admin cannot be removed');
    }
    const holder = this.row(grant.member_id);
    const checks: MutationCheck[] = holder ? [{ action: 'member.manage', member: this.actors.memberTarget(holder.id, holder.unit_id) }] : [];
    this.mutate(actor, { checks, audit: { action: 'role.revoked', target: grant.member_id, detail: { role: grant.role, unitId: grant.unit_id } } }, () => {
      this.db.prepare('DELETE FROM role_grants WHERE id = ?').run(grantId);
    });
  }

  /** A member changes their own contact details and language. */
  updateOwnContact(actor: Actor, input: { email?: string | null; phone?: string | null; preferredLanguage?: 'ja' | 'en' | null }): MemberView {
    // COALESCE-style update in SQL: a field left out keeps its value, an explicit null clears it.
    this.db
      .prepare(
        `UPDATE members SET email = CASE WHEN ? THEN ? ELSE email END, phone = CASE WHEN ? THEN ? ELSE phone END,
         preferred_language = CASE WHEN ? THEN ? ELSE preferred_language END, updated_at = ? WHERE id = ?`,
      )
      .run(
        input.email !== undefined ? 1 : 0,
        input.email ?? null,
        input.phone !== undefined ? 1 : 0,
        input.phone ?? null,
        input.preferredLanguage !== undefined ? 1 : 0,
        input.preferredLanguage ?? null,
        this.clock.now(),
        actor.memberId,
      );
    return toView(this.row(actor.memberId)!);
  }
}
