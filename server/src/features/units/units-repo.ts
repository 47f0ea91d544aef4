import type { CreateUnitRequest, UnitView, UpdateUnitRequest } from '@kumiai/shared';
import { Repository } from '../../lib/statements.ts';

export interface UnitRow {
  id: string;
  parent_id: string | null;
  name: string;
  kind: UnitView['kind'];
  code: string | null;
  archived_at: number | null;
}

/** The SQL of the unit tree. */
export class UnitsRepo extends Repository {

  unit(id: string): UnitRow | undefined {
    return this.sql('SELECT * FROM units WHERE id = ?').get(id) as UnitRow | undefined;
  }

  all(): UnitRow[] {
    return this.sql('SELECT * FROM units ORDER BY name').all() as UnitRow[];
  }

  /** The unit and every unit below it. */
  subtree(id: string): string[] {
    return this.sql('WITH RECURSIVE down(id) AS (SELECT ? UNION ALL SELECT u.id FROM units u JOIN down ON u.parent_id = down.id) SELECT id FROM down').pluck().all(id) as string[];
  }

  insert(id: string, input: CreateUnitRequest, now: number): void {
    this.sql('INSERT INTO units (id, parent_id, name, kind, code, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(id, input.parentId, input.name.trim(), input.kind, input.code?.trim() ?? null, now, now);
  }

  /** Fields left out keep their values; an explicit null code clears it. */
  update(id: string, input: UpdateUnitRequest, now: number): void {
    this.sql('UPDATE units SET name = COALESCE(?, name), parent_id = COALESCE(?, parent_id), code = CASE WHEN ? THEN ? ELSE code END, updated_at = ? WHERE id = ?').run(
      input.name?.trim() ?? null,
      input.parentId ?? null,
      input.code !== undefined ? 1 : 0,
      input.code ?? null,
      now,
      id,
    );
  }

  activeMembersIn(unitIds: readonly string[]): number {
    return this.sql("SELECT count(*) FROM members WHERE status != 'left' AND unit_id IN (SELECT value FROM json_each(?))").pluck().get(JSON.stringify(unitIds)) as number;
  }

  archive(unitIds: readonly string[], now: number): void {
    this.sql('UPDATE units SET archived_at = ?, updated_at = ? WHERE archived_at IS NULL AND id IN (SELECT value FROM json_each(?))').run(now, now, JSON.stringify(unitIds));
  }
}
