import { canPublishTo, type Action, type Actor, type Audience, type Grant, type Role } from '@kumiai/shared';
import type { Db } from '../../db/database.ts';

const UNIT_PATH_SQL = `
  WITH RECURSIVE up(id, parent_id, depth) AS (
    SELECT id, parent_id, 0 FROM units WHERE id = ?
    UNION ALL
    SELECT u.id, u.parent_id, up.depth + 1 FROM units u JOIN up ON u.id = up.parent_id
  )
  SELECT id FROM up ORDER BY depth DESC`;

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
