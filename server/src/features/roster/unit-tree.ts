import type { UnitRow } from './roster-repo.ts';

/** NFKC + trim: unit cells typed in Japanese input methods match codes and names typed elsewhere. */
export function unitKey(raw: string): string {
  return raw.normalize('NFKC').trim();
}

export type UnitLookup = { unit: UnitRow } | { problem: 'unknown_unit' | 'ambiguous_unit' };

/** The organisation tree in memory: a union has at most a few thousand units, loaded once per import. */
export class UnitTree {
  readonly byId = new Map<string, UnitRow>();
  private readonly children = new Map<string, string[]>();
  private readonly byCode = new Map<string, UnitRow>();
  private readonly allByCode = new Map<string, UnitRow>();
  private readonly byName = new Map<string, UnitRow[]>();

  constructor(units: readonly UnitRow[]) {
    for (const unit of units) {
      this.byId.set(unit.id, unit);
      if (unit.parent_id !== null) {
        const list = this.children.get(unit.parent_id) ?? [];
        list.push(unit.id);
        this.children.set(unit.parent_id, list);
      }
      if (unit.code !== null) this.allByCode.set(unitKey(unit.code), unit);
      if (unit.archived_at !== null) continue;
      if (unit.code !== null) this.byCode.set(unitKey(unit.code), unit);
      const name = unitKey(unit.name);
      this.byName.set(name, [...(this.byName.get(name) ?? []), unit]);
    }
  }

  root(): UnitRow | undefined {
    for (const unit of this.byId.values()) if (unit.parent_id === null) return unit;
    return undefined;
  }

  /** Root → … → the unit (empty for an unknown unit), as the permission rules locate things. */
  path(unitId: string): string[] {
    const out: string[] = [];
    for (let unit = this.byId.get(unitId); unit && !out.includes(unit.id); unit = unit.parent_id === null ? undefined : this.byId.get(unit.parent_id)) out.unshift(unit.id);
    return out;
  }

  /** All units in the subtrees of `roots`, roots included. */
  subtree(roots: readonly string[]): Set<string> {
    const out = new Set<string>();
    const stack = [...roots];
    for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
      if (out.has(id)) continue;
      out.add(id);
      stack.push(...(this.children.get(id) ?? []));
    }
    return out;
  }

  /** A member's unit cell: a code first (codes are unique), else an exact name among live units. */
  resolve(ref: string): UnitLookup {
    const key = unitKey(ref);
    const byCode = this.byCode.get(key);
    if (byCode) return { unit: byCode };
    const named = this.byName.get(key) ?? [];
    if (named.length === 1 && named[0]) return { unit: named[0] };
    return { problem: named.length > 1 ? 'ambiguous_unit' : 'unknown_unit' };
  }

  /** Existing units by code, archived ones included: codes stay unique across the table. */
  findByCode(code: string): UnitRow | undefined {
    return this.allByCode.get(unitKey(code));
  }
}

/** The scope test for an import: null roots = the whole union. */
export function scopeOf(tree: UnitTree, roots: readonly string[] | undefined): (unitId: string) => boolean {
  if (roots === undefined) return () => true;
  const units = tree.subtree(roots);
  return (unitId) => units.has(unitId);
}
