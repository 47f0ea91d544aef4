import { randomUUID } from 'node:crypto';
import { can, type Actor, type CreateUnitRequest, type UnitView, type UpdateUnitRequest } from '@kumiai/shared';
import type { Db } from '../../db/database.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import type { Mutate } from '../../lib/mutate.ts';
import type { ActorRepo } from '../auth/actor-repo.ts';

interface UnitRow {
  id: string;
  parent_id: string | null;
  name: string;
  kind: UnitView['kind'];
  code: string | null;
  archived_at: number | null;
}

const toView = (r: UnitRow): UnitView => ({ id: r.id, parentId: r.parent_id, name: r.name, kind: r.kind, code: r.code, archivedAt: r.archived_at });

/** The unit tree: create, rename, move, archive, each checked, audited and stamped by `mutate`. */
export class OrgService {
  constructor(
    private readonly db: Db,
    private readonly actors: ActorRepo,
    private readonly mutate: Mutate,
  ) {}

  private row(id: string): UnitRow | undefined {
    return this.db.prepare('SELECT * FROM units WHERE id = ?').get(id) as UnitRow | undefined;
  }

  /** Units the actor may see: their own line up to the root, and the subtrees their roles cover. */
  list(actor: Actor): UnitView[] {
    const rows = this.db.prepare('SELECT * FROM units ORDER BY name').all() as UnitRow[];
    const parent = new Map(rows.map((r) => [r.id, r.parent_id]));
    const pathOf = (id: string): string[] => {
      const path: string[] = [];
      for (let at: string | null | undefined = id; at; at = parent.get(at)) path.unshift(at);
      return path;
    };
    return rows.filter((r) => can(actor, 'unit.read', { unitPath: pathOf(r.id) })).map(toView);
  }

  create(actor: Actor | null, input: CreateUnitRequest): UnitView {
    const parentRow = this.row(input.parentId);
    if (!parentRow || parentRow.archived_at !== null) throw notFound('No such parent unit');
    const id = randomUUID();
    const path = [...this.actors.unitPath(input.parentId), id];
    return this.mutate(actor, { checks: [{ action: 'unit.manage', resource: { unitPath: path } }], audit: { action: 'unit.created', target: id, detail: { name: input.name, parentId: input.parentId } } }, (now) => {
      this.db
        .prepare('INSERT INTO units (id, parent_id, name, kind, code, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(id, input.parentId, input.name.trim(), input.kind, input.code?.trim() ?? null, now, now);
      return toView(this.row(id)!);
    });
  }

  update(actor: Actor | null, id: string, input: UpdateUnitRequest): UnitView {
    const unit = this.row(id);
    if (!unit) throw notFound();
    const path = this.actors.unitPath(id);
    const checks = [{ action: 'unit.manage' as const, resource: { unitPath: path } }];
    if (input.parentId !== undefined && input.parentId !== unit.parent_id) {
      if (unit.parent_id === null) throw new AppError('forbidden', 403, 'The union itself cannot be moved');
      const newParent = this.row(input.parentId);
      if (!newParent || newParent.archived_at !== null) throw notFound('No such parent unit');
      const newParentPath = this.actors.unitPath(input.parentId);
      if (newParentPath.includes(id)) throw new AppError('unit_cycle', 400, 'A unit cannot move under itself');
      checks.push({ action: 'unit.manage', resource: { unitPath: [...newParentPath, id] } });
    }
    const action = input.parentId !== undefined && input.parentId !== unit.parent_id ? 'unit.moved' : 'unit.renamed';
    return this.mutate(actor, { checks, audit: { action, target: id, detail: { ...input } } }, (now) => {
      this.db
        .prepare('UPDATE units SET name = COALESCE(?, name), parent_id = COALESCE(?, parent_id), code = CASE WHEN ? THEN ? ELSE code END, updated_at = ? WHERE id = ?')
        .run(input.name?.trim() ?? null, input.parentId ?? null, input.code !== undefined ? 1 : 0, input.code ?? null, now, id);
      return toView(this.row(id)!);
    });
  }

  /** Archives a unit and its subtree; refused while active members belong to it. */
  archive(actor: Actor | null, id: string): UnitView {
    const unit = this.row(id);
    if (!unit) throw notFound();
    if (unit.parent_id === null) throw new AppError('forbidden', 403, 'The union itself cannot be archived');
    const subtree = this.db
      .prepare(
        `WITH RECURSIVE down(id) AS (SELECT ? UNION ALL SELECT u.id FROM units u JOIN down ON u.parent_id = down.id) SELECT id FROM down`,
      )
      .pluck()
      .all(id) as string[];
    return this.mutate(actor, { checks: [{ action: 'unit.manage', resource: { unitPath: this.actors.unitPath(id) } }], audit: { action: 'unit.archived', target: id } }, (now) => {
      const placeholders = subtree.map(() => '?').join(',');
      const members = this.db.prepare(`SELECT count(*) FROM members WHERE status != 'left' AND unit_id IN (${placeholders})`).pluck().get(...subtree) as number;
      if (members > 0) throw new AppError('unit_has_members', 409, `${members} members still belong to this unit`);
      this.db.prepare(`UPDATE units SET archived_at = ?, updated_at = ? WHERE archived_at IS NULL AND id IN (${placeholders})`).run(now, now, ...subtree);
      return toView(this.row(id)!);
    });
  }
}
