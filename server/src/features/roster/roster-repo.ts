import type { Role } from '@kumiai/shared';
import type { Db } from '../../db/database.ts';
import type { MemberColumns } from '../members/index.ts';

export type UnitKind = 'union' | 'branch' | 'workplace' | 'group';

export interface UnitRow {
  id: string;
  parent_id: string | null;
  name: string;
  kind: UnitKind;
  code: string | null;
  archived_at: number | null;
}

/** The member columns an import reads and writes; credentials (password, PIN, activation) are never selected. */
export type MemberRow = MemberColumns;

export type MemberEventKind = 'joined' | 'transferred' | 'status_changed' | 'updated';

export interface MemberEventDraft {
  kind: MemberEventKind;
  fromUnit: string | null;
  toUnit: string | null;
  fromStatus: string | null;
  toStatus: string | null;
  effectiveOn: string | null;
}

export interface MemberWrite {
  member: MemberRow;
  events: MemberEventDraft[];
}

export interface UnitWrite {
  id: string;
  parentId: string;
  name: string;
  kind: UnitKind;
  code: string;
}

export class RosterRepo {
  constructor(private readonly db: Db) {}

  listUnits(): UnitRow[] {
    return this.db.prepare('SELECT id, parent_id, name, kind, code, archived_at FROM units').all() as UnitRow[];
  }

  listMembers(): MemberRow[] {
    return this.db
      .prepare('SELECT id, employee_number, name, name_kana, unit_id, member_class, status, email, phone, joined_on FROM members')
      .all() as MemberRow[];
  }

  /** Every role grant, by member: an import may not change a member holding a role the importer could not grant. */
  listGrants(): Map<string, { role: Role; unitId: string }[]> {
    const out = new Map<string, { role: Role; unitId: string }[]>();
    for (const g of this.db.prepare('SELECT member_id, role, unit_id FROM role_grants').all() as { member_id: string; role: Role; unit_id: string }[]) {
      const list = out.get(g.member_id);
      if (list) list.push({ role: g.role, unitId: g.unit_id });
      else out.set(g.member_id, [{ role: g.role, unitId: g.unit_id }]);
    }
    return out;
  }

  /** Runs `fn` in one IMMEDIATE transaction: the write lock is taken before the plan is re-checked. */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  /** Writes planned member changes with prepared statements; call inside `transaction`. */
  writeMembers(creates: MemberWrite[], updates: MemberWrite[], actorId: string, now: number): void {
    const insert = this.db.prepare(
      `INSERT INTO members (id, employee_number, name, name_kana, unit_id, member_class, status, email, phone, joined_on, created_at, updated_at)
       VALUES (@id, @employee_number, @name, @name_kana, @unit_id, @member_class, @status, @email, @phone, @joined_on, @now, @now)`,
    );
    // Only roster columns: password_hash, pin_hash and activated_at stay as they are.
    const update = this.db.prepare(
      `UPDATE members SET name = @name, name_kana = @name_kana, unit_id = @unit_id, member_class = @member_class, status = @status,
         email = @email, phone = @phone, joined_on = @joined_on, updated_at = @now
       WHERE id = @id`,
    );
    const event = this.db.prepare(
      `INSERT INTO member_events (member_id, kind, from_unit, to_unit, from_status, to_status, effective_on, actor_id, at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const writeEvents = (write: MemberWrite) => {
      for (const e of write.events) {
        event.run(write.member.id, e.kind, e.fromUnit, e.toUnit, e.fromStatus, e.toStatus, e.effectiveOn, actorId, now);
      }
    };
    for (const write of creates) {
      insert.run({ ...write.member, now });
      writeEvents(write);
    }
    for (const write of updates) {
      update.run({ ...write.member, now });
      writeEvents(write);
    }
  }

  /** Inserts units parent-first (the caller orders them) and renames/moves existing ones. */
  writeUnits(creates: UnitWrite[], updates: UnitWrite[], now: number): void {
    const insert = this.db.prepare(
      'INSERT INTO units (id, parent_id, name, kind, code, created_at, updated_at) VALUES (@id, @parentId, @name, @kind, @code, @now, @now)',
    );
    const update = this.db.prepare('UPDATE units SET parent_id = @parentId, name = @name, kind = @kind, updated_at = @now WHERE id = @id');
    for (const unit of creates) insert.run({ ...unit, now });
    for (const unit of updates) update.run({ id: unit.id, parentId: unit.parentId, name: unit.name, kind: unit.kind, now });
  }
}
