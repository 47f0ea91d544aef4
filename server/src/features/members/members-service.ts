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
import type { Clock } from '../../lib/clock.ts';
import { hashToken } from '../../lib/crypto.ts';
import { toExcelCsv } from '../../lib/csv-export.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import type { Mutate, MutationCheck } from '../../lib/mutate.ts';
import type { ActorRepo } from '../auth/index.ts';
import { newActivationCode } from './activation-codes.ts';
import type { MemberRow, MembersRepo } from './members-repo.ts';

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

/**
 * The member office: lists and exports within scope, edits, transfers and
 * leavers, sign-in codes and roles. Every change goes through the mutation
 * wrapper (checked and audited); the SQL lives in MembersRepo.
 */
export class MembersService {
  constructor(
    private readonly repo: MembersRepo,
    private readonly clock: Clock,
    private readonly actors: ActorRepo,
    private readonly mutate: Mutate,
    private readonly options: { publicUrl: string; activationTtlMs: number },
  ) {}

  private row(id: string): MemberRow | undefined {
    return this.repo.member(id);
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
    const like = query.q ? `%${query.q.normalize('NFKC').trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
    const rows = this.repo.list({
      roots,
      limit,
      ...(query.status ? { status: query.status } : {}),
      ...(like === undefined ? {} : { like }),
      ...(query.after ? { after: query.after } : {}),
    });
    const page = rows.slice(0, limit);
    const grants = new Map<string, { role: Role; unitId: string }[]>(page.map((r) => [r.id, []]));
    if (page.length > 0) for (const g of this.repo.grantsOf(page.map((r) => r.id))) grants.get(g.member_id)?.push({ role: g.role, unitId: g.unit_id });
    return { members: page.map((r) => ({ ...toView(r), roles: grants.get(r.id) ?? [] })), next: rows.length > limit ? (page.at(-1)?.employee_number ?? null) : null };
  }

  /** The roster in scope as a CSV for Excel (audited: exports are privileged). */
  exportCsv(actor: Actor, query: Omit<ListMembersQuery, 'after' | 'limit'>): Buffer {
    if (scopeRoots(actor, 'member.read').length === 0) throw new AppError('forbidden', 403, 'Not allowed: member export');
    const units = this.repo.unitNames();
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
    const history = this.repo.events(id);
    const roles = this.repo.rolesOf(id).map((r) => ({
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
      if (!this.repo.activeUnitExists(input.unitId!)) throw notFound('No such unit');
      checks.push({ action: 'member.manage', resource: { unitPath: this.actors.unitPath(input.unitId!) } });
    }
    return this.mutate(actor, { checks, audit: { action: 'member.updated', target: id, detail: { fields: Object.keys(input) } } }, (now) => {
      this.repo.update(row, input, now);
      const by = actor?.memberId ?? null;
      if (transfer) this.repo.addEvent(id, 'transferred', { unit: row.unit_id }, { unit: input.unitId }, by, now);
      if (input.status && input.status !== row.status) this.repo.addEvent(id, 'status_changed', { status: row.status }, { status: input.status }, by, now);
      // A member who leaves is signed out everywhere at once.
      if (input.status === 'left') {
        this.repo.deleteSessions(id);
        this.repo.deletePushSubscriptions(id);
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
      () => this.repo.deleteSessions(id),
    );
  }

  /**
   * New one-time codes for these members (replacing any earlier code): only
   * hashes are stored; the plain codes are returned once, for printing.
   */
  issueCodes(actor: Actor | null, memberIds: string[]): ActivationCard[] {
    const rows = memberIds.map((id) => (actor ? this.readable(actor, id) : this.row(id)) ?? (() => { throw notFound(); })());
    const unitNames = this.repo.unitNames();
    const checks = rows.map((r): MutationCheck => ({ action: 'member.issue_code', member: this.actors.memberTarget(r.id, r.unit_id) }));
    return this.mutate(actor, { checks, audit: { action: 'code.issued', target: null, detail: { memberIds } } }, (now) => {
      return rows.map((r) => {
        if (r.status === 'left') throw new AppError('forbidden', 403, `${r.employee_number} has left the union`);
        const code = newActivationCode();
        const expiresAt = now + this.options.activationTtlMs;
        this.repo.putActivationCode(r.id, hashToken(normalizeActivationCode(code)), actor?.memberId ?? null, now, expiresAt);
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
      this.repo.insertGrant(id, input.memberId, input.unitId, input.role, now);
      return { id };
    });
  }

  revokeRole(actor: Actor | null, grantId: string): void {
    const grant = this.repo.grant(grantId);
    if (!grant) throw notFound();
    if (actor && !canGrantRole(actor, grant.role, this.actors.unitPath(grant.unit_id))) throw notFound();
    if (grant.role === 'admin') {
      if (this.repo.adminCount() <= 1) throw new AppError('forbidden', 403, 'The last admin cannot be removed');
    }
    const holder = this.row(grant.member_id);
    const checks: MutationCheck[] = holder ? [{ action: 'member.manage', member: this.actors.memberTarget(holder.id, holder.unit_id) }] : [];
    this.mutate(actor, { checks, audit: { action: 'role.revoked', target: grant.member_id, detail: { role: grant.role, unitId: grant.unit_id } } }, () => {
      this.repo.deleteGrant(grantId);
    });
  }

  /** A member changes their own contact details and language. */
  updateOwnContact(actor: Actor, input: { email?: string | null; phone?: string | null; preferredLanguage?: 'ja' | 'en' | null }): MemberView {
    this.repo.updateContact(actor.memberId, input, this.clock.now());
    return toView(this.row(actor.memberId)!);
  }
}
