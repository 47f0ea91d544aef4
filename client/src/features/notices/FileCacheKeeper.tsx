import { useEffect } from 'react';
import { useSyncDatabase } from '../../sync/SyncProvider.tsx';
import { useSession } from '../auth/session.ts';
import { syncFileCache } from './file-cache.ts';

/** Keeps the attachments of every notice on the device in Cache Storage (and only those); renders nothing. */
export function FileCacheKeeper() {
  const db = useSyncDatabase();
  const { me } = useSession();
  const memberId = me?.member.id ?? null;
  useEffect(() => {
    if (!db || !memberId) return;
    let running = Promise.resolve();
    let latest: Parameters<typeof syncFileCache>[1] = [];
    const run = (): void => {
      running = running.then(() => syncFileCache(memberId, latest)).catch(() => undefined);
    };
    const sub = db.notices.find().$.subscribe((docs) => {
      latest = docs.map((d) => d.toJSON() as Parameters<typeof syncFileCache>[1][number]);
      run();
    });
    window.addEventListener('online', run);
    return () => {
      sub.unsubscribe();
      window.removeEventListener('online', run);
    };
  }, [db, memberId]);
  return null;
}
