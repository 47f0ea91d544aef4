import { randomUUID } from 'node:crypto';
import { can, unitPathsOf, type Actor, type CreateUnitRequest, type UnitView, type UpdateUnitRequest } from '@kumiai/shared';
import { AppError, notFound } from '../../lib/errors.ts';
import type { Mutate } from '../../lib/mutate.ts';
import type { ActorRepo } from '../auth/index.ts';
import type { UnitsRepo, UnitRow } from './units-repo.ts';

const toView = (r: UnitRow): UnitView => ({ id: r.id, parentId: r.parent_id, name: r.name, kind: r.kind, code: r.code, archivedAt: r.archived_at });

/** The unit tree: create, rename, move, archive, each checked, audited and stamped by `mutate`. */
export class UnitsService {
  constructor(
    private readonly repo: UnitsRepo,
    private readonly actors: ActorRepo,
    private readonly mutate: Mutate,
  ) {}

  private row(id: string): UnitRow | undefined {
    return this.repo.unit(id);
  }

  /** Units the actor may see: their own line up to the root, and the subtrees their roles cover. */
  list(actor: Actor): UnitView[] {
    const rows = this.repo.all();
    const paths = unitPathsOf(rows);
    return rows.filter((r) => can(actor, 'unit.read', { unitPath: paths.get(r.id)! })).map(toView);
  }

  create(actor: Actor | null, input: CreateUnitRequest): UnitView {
    const parentRow = this.row(input.parentId);
    if (!parentRow || parentRow.archived_at !== null) throw notFound('No such parent unit');
    const id = randomUUID();
    const path = [...this.actors.unitPath(input.parentId), id];
    return this.mutate(actor, { checks: [{ action: 'unit.manage', resource: { unitPath: path } }], audit: { action: 'unit.created', target: id, detail: { name: input.name, parentId: input.parentId } } }, (now) => {
      this.repo.insert(id, input, now);
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
      this.repo.update(id, input, now);
      return toView(this.row(id)!);
    });
  }

  /** Archives a unit and its subtree; refused while active members belong to it. */
  archive(actor: Actor | null, id: string): UnitView {
    const unit = this.row(id);
    if (!unit) throw notFound();
    if (unit.parent_id === null) throw new AppError('forbidden', 403, 'The union itself cannot be archived');
    const subtree = this.repo.subtree(id);
    return this.mutate(actor, { checks: [{ action: 'unit.manage', resource: { unitPath: this.actors.unitPath(id) } }], audit: { action: 'unit.archived', target: id } }, (now) => {
      const members = this.repo.activeMembersIn(subtree);
      if (members > 0) throw new AppError('unit_has_members', 409, `${members} members still belong to this unit`);
      this.repo.archive(subtree, now);
      return toView(this.row(id)!);
    });
  }
}
