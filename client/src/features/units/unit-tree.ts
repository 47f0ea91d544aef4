import type { UnitView } from '@kumiai/shared';

/** The flat list the server sends, as a tree: children by parent id, sorted by name. */
export class UnitTree {
  private readonly byId = new Map<string, UnitView>();
  private readonly children = new Map<string | null, UnitView[]>();

  constructor(units: readonly UnitView[]) {
    for (const unit of units) this.byId.set(unit.id, unit);
    for (const unit of units) {
      // A parent the member cannot see makes the unit a root of what they see.
      const parent = unit.parentId !== null && this.byId.has(unit.parentId) ? unit.parentId : null;
      const list = this.children.get(parent) ?? [];
      list.push(unit);
      this.children.set(parent, list);
    }
    for (const list of this.children.values()) list.sort((a, b) => a.name.localeCompare(b.name, 'ja'));
  }

  get(id: string): UnitView | undefined {
    return this.byId.get(id);
  }

  roots(): UnitView[] {
    return this.childrenOf(null);
  }

  childrenOf(id: string | null): UnitView[] {
    return this.children.get(id) ?? [];
  }

  /** Ids from the top of the tree down to `id`, as the permission rules want them. */
  pathIds(id: string): string[] {
    const path: string[] = [];
    let unit = this.byId.get(id);
    while (unit && !path.includes(unit.id)) {
      path.unshift(unit.id);
      unit = unit.parentId === null ? undefined : this.byId.get(unit.parentId);
    }
    return path;
  }

  pathName(id: string): string {
    return this.pathIds(id)
      .map((u) => this.byId.get(u)?.name ?? '')
      .join(' › ');
  }

  /** Depth-first, each with its depth: for indented lists and selects. */
  flatten(includeArchived = false): { unit: UnitView; depth: number }[] {
    const out: { unit: UnitView; depth: number }[] = [];
    const walk = (list: UnitView[], depth: number) => {
      for (const unit of list) {
        if (unit.archivedAt !== null && !includeArchived) continue;
        out.push({ unit, depth });
        walk(this.childrenOf(unit.id), depth + 1);
      }
    };
    walk(this.roots(), 0);
    return out;
  }
}
