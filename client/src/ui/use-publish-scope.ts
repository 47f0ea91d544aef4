import { can, type Action, type Actor, type UnitDoc } from '@kumiai/shared';
import { docsJson, useLiveQuery } from '../sync/live-query.ts';

export interface ScopeUnit {
  id: string;
  name: string;
  depth: number;
}

const noUnits: UnitDoc[] = [];

/** The units that are not archived, from the synced `units` collection, live (none while loading). */
export function useUnitDocs(): UnitDoc[] {
  return useLiveQuery((db) => db.units.find({ selector: { archived: false } }), docsJson, []) ?? noUnits;
}

/** A unit's path from the root, from the units on the device. */
export function pathsOf(docs: UnitDoc[]): (id: string) => string[] {
  const byId = new Map(docs.map((u) => [u.id, u]));
  return (id) => {
    const path: string[] = [];
    for (let u = byId.get(id); u && !path.includes(u.id); u = u.parentId ? byId.get(u.parentId) : undefined) path.unshift(u.id);
    return path;
  };
}

/**
 * The units (from the synced `units` collection) this officer may publish to, in tree order; whether they may address the whole union.
 * `action`: the permission that decides (notices by default; meetings ask with meeting.manage).
 */
export function usePublishScope(actor: Actor | null, action: Action = 'notice.publish'): { units: ScopeUnit[]; wholeUnion: boolean } {
  const docs = useUnitDocs();
  if (!actor) return { units: [], wholeUnion: false };
  const byId = new Map(docs.map((u) => [u.id, u]));
  const pathOf = pathsOf(docs);
  const children = new Map<string | null, UnitDoc[]>();
  for (const u of docs) {
    const parent = u.parentId && byId.has(u.parentId) ? u.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), u]);
  }
  const units: ScopeUnit[] = [];
  const walk = (parent: string | null, depth: number): void => {
    for (const u of (children.get(parent) ?? []).sort((a, b) => a.name.localeCompare(b.name, 'ja'))) {
      if (u.kind !== 'union' && can(actor, action, { unitPath: pathOf(u.id) })) units.push({ id: u.id, name: u.name, depth });
      walk(u.id, depth + 1);
    }
  };
  walk(null, 0);
  return { units, wholeUnion: can(actor, action, { unitPath: actor.unitPath.slice(0, 1) }) };
}
