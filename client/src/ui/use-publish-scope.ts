import { can, canPublishTo, type Actor, type NoticeDoc, type UnitDoc } from '@kumiai/shared';
import { useEffect, useState } from 'react';
import { useSyncDatabase } from '../../sync/SyncProvider.tsx';

export interface ScopeUnit {
  id: string;
  name: string;
  depth: number;
}

/** The units that are not archived, from the synced `units` collection, live. */
function useUnitDocs(): UnitDoc[] {
  const db = useSyncDatabase();
  const [docs, setDocs] = useState<UnitDoc[]>([]);
  useEffect(() => {
    if (!db) return;
    const sub = db.units.find({ selector: { archived: false } }).$.subscribe((list) => setDocs(list.map((d) => d.toJSON() as UnitDoc)));
    return () => sub.unsubscribe();
  }, [db]);
  return docs;
}

/** A unit's path from the root, from the units on the device. */
function pathsOf(docs: UnitDoc[]): (id: string) => string[] {
  const byId = new Map(docs.map((u) => [u.id, u]));
  return (id) => {
    const path: string[] = [];
    for (let u = byId.get(id); u && !path.includes(u.id); u = u.parentId ? byId.get(u.parentId) : undefined) path.unshift(u.id);
    return path;
  };
}

/**
 * Whether this member may edit a notice and see its history: its author, or an
 * officer who may publish to its whole audience (the server's rule). Named
 * members cannot be placed in units on the device, so such audiences are left
 * to the author (the server decides in the end).
 */
export function useMayEditNotice(actor: Actor | null, notice: NoticeDoc | null | undefined): boolean {
  const docs = useUnitDocs();
  if (!actor || !notice) return false;
  if (notice.authorId === actor.memberId) return true;
  return canPublishTo(actor, notice.audience, pathsOf(docs), () => null);
}

/** The units (from the synced `units` collection) this officer may publish to, in tree order; whether they may address the whole union. */
export function usePublishScope(actor: Actor | null): { units: ScopeUnit[]; wholeUnion: boolean } {
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
      if (u.kind !== 'union' && can(actor, 'notice.publish', { unitPath: pathOf(u.id) })) units.push({ id: u.id, name: u.name, depth });
      walk(u.id, depth + 1);
    }
  };
  walk(null, 0);
  return { units, wholeUnion: can(actor, 'notice.publish', { unitPath: actor.unitPath.slice(0, 1) }) };
}
