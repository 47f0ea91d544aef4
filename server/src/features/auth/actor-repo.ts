import { canPublishTo, inAudience, type Action, type Actor, type Audience, type Grant, type MemberTarget, type Role } from '@kumiai/shared';
import type { Db } from '../../db/database.ts';

const UNIT_PATH_SQL = `
  WITH RECURSIVE up(id, parent_id, depth) AS (
    SELECT id, parent_id, 0 FROM units WHERE id = ?
    UNION ALL
    SELECT u.id, u.parent_id, up.depth + 1 FROM units u JOIN up ON u.id = up.parent_id
  )
  SELECT id FROM up ORDER BY depth DESC`;

/** A member an audience reaches, with what lists of them show. */
export interface AudienceMember {
  actor: Actor;
  employeeNumber: string;
  name: string;
  unitId: string;
}

/** Reads who a member is for permission checks: their unit path and role grants. */
export class ActorRepo {
  constructor(private readonly db: Db) {}

  unitPath(unitId: string): string[] {
    return (this.db.prepare(UNIT_PATH_SQL).pluck().all(unitId) as string[]);
  }

  unitOf(memberId: string): string | null {
    return (this.db.prepare('SELECT unit_id FROM members WHERE id = ?').pluck().get(memberId) as string | undefined) ?? null;
  }

  /** The shared publishing rule, with unit paths and members' units read from the database. */
  mayPublishTo(actor: Actor, audience: Audience, action: Action = 'notice.publish'): boolean {
    return canPublishTo(actor, audience, (unitId) => this.unitPath(unitId), (memberId) => this.unitOf(memberId), action);
  }

  /**
   * The members an audience reaches now (everyone not left), each as the actor
   * the shared rules see: read rates, response rates and reminders count them.
   * One pass over the members and grants; unit paths are read once per unit.
   */
  audienceMembers(audience: Audience): AudienceMember[] {
    const grants = new Map<string, Grant[]>();
    for (const g of this.db.prepare('SELECT member_id, role, unit_id FROM role_grants').all() as { member_id: string; role: Role; unit_id: string }[]) {
      const list = grants.get(g.member_id);
      if (list) list.push({ role: g.role, unitId: g.unit_id });
      else grants.set(g.member_id, [{ role: g.role, unitId: g.unit_id }]);
    }
    const paths = new Map<string, string[]>();
    const pathOf = (unitId: string): string[] => {
      let path = paths.get(unitId);
      if (!path) paths.set(unitId, (path = this.unitPath(unitId)));
      return path;
    };
    const rows = this.db.prepare("SELECT id, employee_number, name, unit_id, status FROM members WHERE status != 'left'").all() as {
      id: string;
      employee_number: string;
      name: string;
      unit_id: string;
      status: Actor['status'];
    }[];
    return rows
      .map((m) => ({ actor: { memberId: m.id, unitPath: pathOf(m.unit_id), status: m.status, grants: grants.get(m.id) ?? [] }, employeeNumber: m.employee_number, name: m.name, unitId: m.unit_id }))
      .filter((m) => inAudience(m.actor, audience));
  }

  /** A member as the target of a management action: their unit path and every role they hold, each with its unit path. */
  memberTarget(memberId: string, unitId: string): MemberTarget {
    const grants = this.db.prepare('SELECT role, unit_id FROM role_grants WHERE member_id = ?').all(memberId) as { role: Role; unit_id: string }[];
    return { memberId, unitPath: this.unitPath(unitId), grants: grants.map((g) => ({ role: g.role, unitPath: this.unitPath(g.unit_id) })) };
  }

  load(memberId: string): Actor | null {
    const member = this.db.prepare('SELECT id, unit_id, status FROM members WHERE id = ?').get(memberId) as
      | { id: string; unit_id: string; status: Actor['status'] }
      | undefined;
    if (!member) return null;
    const grants = (
      this.db.prepare('SELECT role, unit_id FROM role_grants WHERE member_id = ?').all(memberId) as { role: Role; unit_id: string }[]
    ).map((row): Grant => ({ role: row.role, unitId: row.unit_id }));
    return { memberId: member.id, unitPath: this.unitPath(member.unit_id), status: member.status, grants };
  }
}
