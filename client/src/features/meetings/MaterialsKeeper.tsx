import type { EventDoc } from '@kumiai/shared';
import { useEffect } from 'react';
import { keepFiles } from '../../lib/file-cache.ts';
import { useSyncDatabase } from '../../sync/SyncProvider.tsx';
import { useSession } from '../auth/index.ts';
import { materialsShelf } from './materials.ts';
import { materialFiles } from './meetings-logic.ts';

/** Keeps the uploaded materials of the member's meetings on the device (and only those), so they open offline on the day; renders nothing. */
export function MaterialsKeeper() {
  const db = useSyncDatabase();
  const { me } = useSession();
  const memberId = me?.member.id ?? null;
  useEffect(() => {
    if (!db || !memberId) return;
    return keepFiles(materialsShelf(memberId), (listener) => {
      const sub = db.events.find({ selector: { kind: 'meeting' } }).$.subscribe((docs) => listener(materialFiles(docs.map((d) => d.toJSON() as EventDoc))));
      return () => sub.unsubscribe();
    });
  }, [db, memberId]);
  return null;
}
