import type { CollectionName } from '@kumiai/shared';
import { useEffect, useState } from 'react';
import { useSyncEngine } from './SyncProvider.tsx';

const none: ReadonlySet<string> = new Set();

/** Ids of the collection's documents written on this device and not yet acknowledged by the server ("waiting to send"). */
export function usePendingIds(collection: CollectionName): ReadonlySet<string> {
  const pending = useSyncEngine().engine?.database.pending ?? null;
  const [ids, setIds] = useState<ReadonlySet<string>>(none);
  useEffect(() => {
    if (!pending) return;
    const read = (): ReadonlySet<string> => new Set(pending.entries.filter((e) => e.collection === collection).map((e) => e.id));
    // The store publishes its count; an entry is added or removed whenever the count changes.
    const sub = pending.count$.subscribe(() => setIds(read()));
    return () => sub.unsubscribe();
  }, [pending, collection]);
  return pending ? ids : none;
}
