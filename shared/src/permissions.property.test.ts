import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canManageMember, roles, type Actor, type MemberManagementAction, type Role } from './permissions.ts';

/**
 * Issue 11, finding 1, as a property: over random unit trees and random grant
 * sets, no actor may change, re-import, issue a code for or end the sessions of
 * a member who holds a grant the actor could not give.
 *
 * The oracle below is written independently of permissions.ts, from the
 * product rules: a role covers the subtree of the unit it is granted on;
 * admins grant any role, officers only viewer and member; the management
 * actions are admins' and officers'.
 */
const ACTIONS: MemberManagementAction[] = ['member.manage', 'member.import', 'member.issue_code', 'member.end_sessions'];

interface World {
  /** parents[i] is the parent of unit i+1; unit 0 is the union. */
  parents: number[];
  actorUnit: number;
  actorGrants: { role: Role; unit: number }[];
  targetUnit: number;
  targetGrants: { role: Role; unit: number }[];
  action: MemberManagementAction;
}

const world: fc.Arbitrary<World> = fc
  .integer({ min: 1, max: 9 })
  .chain((size) =>
    fc.record({
      // Each unit's parent is an earlier unit: always a tree rooted at unit 0.
      parents: fc.tuple(...Array.from({ length: size - 1 }, (_, i) => fc.integer({ min: 0, max: i }))),
      actorUnit: fc.integer({ min: 0, max: size - 1 }),
      actorGrants: fc.array(fc.record({ role: fc.constantFrom(...roles), unit: fc.integer({ min: 0, max: size - 1 }) }), { maxLength: 3 }),
      targetUnit: fc.integer({ min: 0, max: size - 1 }),
      targetGrants: fc.array(fc.record({ role: fc.constantFrom(...roles), unit: fc.integer({ min: 0, max: size - 1 }) }), { maxLength: 3 }),
      action: fc.constantFrom(...ACTIONS),
    }),
  );

const parentOf = (w: World, unit: number): number | null => (unit === 0 ? null : (w.parents[unit - 1] ?? null));
/** Whether `unit` lies in the subtree of `top`, walking parent links (not paths). */
function under(w: World, unit: number, top: number): boolean {
  for (let u: number | null = unit; u !== null; u = parentOf(w, u)) if (u === top) return true;
  return false;
}
function path(w: World, unit: number): string[] {
  const out: string[] = [];
  for (let u: number | null = unit; u !== null; u = parentOf(w, u)) out.unshift(`n${u}`);
  return out;
}
const couldGive = (w: World, role: Role, unit: number) =>
  w.actorGrants.some((g) => under(w, unit, g.unit) && (g.role === 'admin' || (g.role === 'officer' && (role === 'viewer' || role === 'member'))));
const mayActOnUnit = (w: World, unit: number) => w.actorGrants.some((g) => (g.role === 'admin' || g.role === 'officer') && under(w, unit, g.unit));

function decide(w: World, status: Actor['status'] = 'active'): boolean {
  const actor: Actor = { memberId: 'actor', unitPath: path(w, w.actorUnit), status, grants: w.actorGrants.map((g) => ({ role: g.role, unitId: `n${g.unit}` })) };
  return canManageMember(actor, w.action, { memberId: 'target', unitPath: path(w, w.targetUnit), grants: w.targetGrants.map((g) => ({ role: g.role, unitPath: path(w, g.unit) })) });
}

describe('canManageMember (property)', () => {
  it('never lets an actor manage a member holding a grant the actor could not give', () => {
    fc.assert(
      fc.property(world, (w) => {
        if (!decide(w)) return;
        for (const g of w.targetGrants) expect(couldGive(w, g.role, g.unit), `grant ${g.role}@n${g.unit}`).toBe(true);
        expect(mayActOnUnit(w, w.targetUnit)).toBe(true);
      }),
      { numRuns: 20_000 },
    );
  });

  it('allows exactly when the action covers the member’s unit and every grant they hold is one the actor could give', () => {
    fc.assert(
      fc.property(world, (w) => {
        const expected = mayActOnUnit(w, w.targetUnit) && w.targetGrants.every((g) => couldGive(w, g.role, g.unit));
        expect(decide(w)).toBe(expected);
      }),
      { numRuns: 20_000 },
    );
  });

  it('a member who has left manages no one', () => {
    fc.assert(
      fc.property(world, (w) => {
        expect(decide(w, 'left')).toBe(false);
      }),
      { numRuns: 2_000 },
    );
  });

  it('a branch officer never manages a member with any admin, officer, treasurer or election commissioner grant', () => {
    fc.assert(
      fc.property(world, fc.constantFrom<Role>('admin', 'officer', 'treasurer', 'election_commissioner'), fc.integer({ min: 0, max: 8 }), (w, role, at) => {
        const officerOnly = { ...w, actorGrants: w.actorGrants.map((g) => ({ ...g, role: g.role === 'admin' ? ('officer' as const) : g.role })) };
        const unit = Math.min(at, officerOnly.parents.length);
        expect(decide({ ...officerOnly, targetGrants: [...officerOnly.targetGrants, { role, unit }] })).toBe(false);
      }),
      { numRuns: 5_000 },
    );
  });
});
