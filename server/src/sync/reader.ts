import type { Actor } from '@kumiai/shared';

export interface AudienceRow {
  kind: string;
  value: string;
}

interface Scope {
  units: Set<string>;
  unitsJson: string;
  own: boolean;
  audienceUnits: Set<string>;
  audienceUnitsJson: string;
  roles: Set<string>;
  rolesJson: string;
}
import type { AnyRegistration } from './registry.ts';
import type { UnitTree } from './unit-tree.ts';

/** What one authenticated connection may read, per collection, computed from the shared rules. */
export class Reader {
  private scopes = new Map<string, Scope>();
  private treeVersion = -1;

  constructor(
    public actor: Actor,
    private readonly tree: UnitTree,
    /**
     * The sync sequence read just before `actor` was loaded. A scope change of this member logged after it
     * (`sync_member_log`) may be missing from `actor`: the engine loads the member again before it answers
     * (`SyncEngine.pull`, `push`), so no answer hands out a checkpoint past a scope change it did not apply.
     */
    public loadedAt: number,
  ) {}

  /** Recomputes the scopes (after the member's roles, unit or the unit tree changed); `loadedAt` as in the constructor. */
  reset(actor: Actor, loadedAt: number): void {
    this.actor = actor;
    this.loadedAt = loadedAt;
    this.scopes.clear();
  }

  scope(registration: AnyRegistration): Scope {
    if (this.treeVersion !== this.tree.version) {
      this.scopes.clear();
      this.treeVersion = this.tree.version;
    }
    let scope = this.scopes.get(registration.name);
    if (!scope) {
      const units = registration.readableUnits(this.actor, this.tree);
      const audienceUnits = registration.audience?.units(this.actor) ?? [];
      const roles = registration.audience?.roles(this.actor) ?? [];
      scope = {
        units: new Set(units),
        unitsJson: JSON.stringify(units),
        own: registration.readsOwn(this.actor, this.tree),
        audienceUnits: new Set(audienceUnits),
        audienceUnitsJson: JSON.stringify(audienceUnits),
        roles: new Set(roles),
        rolesJson: JSON.stringify(roles),
      };
      this.scopes.set(registration.name, scope);
    }
    return scope;
  }

  sees(registration: AnyRegistration, scopeUnit: string | null, scopeMember: string | null, audience: readonly AudienceRow[] = []): boolean {
    const scope = this.scope(registration);
    if (scope.own && scopeMember !== null && scopeMember === this.actor.memberId) return true;
    if (scopeUnit !== null && scope.units.has(scopeUnit)) return true;
    return registration.audience !== undefined && this.inAudience(scope, audience);
  }

  private inAudience(scope: Scope, audience: readonly AudienceRow[]): boolean {
    if (this.actor.status === 'left') return false;
    return audience.some(
      (a) =>
        a.kind === 'all' ||
        (a.kind === 'unit' && scope.audienceUnits.has(a.value)) ||
        (a.kind === 'role' && scope.roles.has(a.value)) ||
        (a.kind === 'member' && a.value === this.actor.memberId),
    );
  }

  /** Whether any of these audience rows reaches this reader (for removals after an audience changed). */
  reached(registration: AnyRegistration, audience: readonly AudienceRow[]): boolean {
    return registration.audience !== undefined && this.inAudience(this.scope(registration), audience);
  }
}
