import type { DocumentDoc, NoticeDoc } from '@kumiai/shared';
import { useEffect } from 'react';
import { combineLatest } from 'rxjs';
import { useSyncDatabase } from '../../sync/SyncProvider.tsx';
import { useSession } from '../auth/index.ts';
import { filesToKeep, syncFileCache } from './file-cache.ts';

/** Keeps the attachments of every notice and the files of "keep offline" documents on the device in Cache Storage (and only those); renders nothing. */
export function FileCacheKeeper() {
  const db = useSyncDatabase();
  const { me } = useSession();
  const memberId = me?.member.id ?? null;
  useEffect(() => {
    if (!db || !memberId) return;
    let running = Promise.resolve();
    let latest: string[] = [];
    const run = (): void => {
      running = running.then(() => syncFileCache(memberId, latest)).catch(() => undefined);
    };
    const sub = combineLatest([db.notices.find().$, db.documents.find().$]).subscribe(([notices, documents]) => {
      latest = filesToKeep(
        notices.map((d) => d.toJSON() as NoticeDoc),
        documents.map((d) => d.toJSON() as DocumentDoc),
      );
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
