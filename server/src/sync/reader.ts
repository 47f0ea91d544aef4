import type { Actor } from '@kumiai/shared';
import type { CollectionRegistration } from './registry.ts';
import type { UnitTree } from './unit-tree.ts';

/** What one authenticated connection may read, per collection, computed from the shared rules. */
export class Reader {
  private scopes = new Map<string, { units: Set<string>; unitsJson: string; own: boolean }>();
  private treeVersion = -1;

  constructor(
    public actor: Actor,
    private readonly tree: UnitTree,
  ) {}

  /** Recomputes the scopes (after the member's roles, unit or the unit tree changed). */
  reset(actor: Actor): void {
    this.actor = actor;
    this.scopes.clear();
  }

  scope(registration: CollectionRegistration): { units: Set<string>; unitsJson: string; own: boolean } {
    if (this.treeVersion !== this.tree.version) {
      this.scopes.clear();
      this.treeVersion = this.tree.version;
    }
    let scope = this.scopes.get(registration.name);
    if (!scope) {
      const units = registration.readableUnits(this.actor, this.tree);
      scope = { units: new Set(units), unitsJson: JSON.stringify(units), own: registration.readsOwn(this.actor, this.tree) };
      this.scopes.set(registration.name, scope);
    }
    return scope;
  }

  sees(registration: CollectionRegistration, scopeUnit: string | null, scopeMember: string | null): boolean {
    const scope = this.scope(registration);
    return (scope.own && scopeMember !== null && scopeMember === this.actor.memberId) || (scopeUnit !== null && scope.units.has(scopeUnit));
  }
}
