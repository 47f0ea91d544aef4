import type { DocumentDoc, NoticeDoc } from '@kumiai/shared';
import { useEffect } from 'react';
import { combineLatest } from 'rxjs';
import { keepFiles } from '../../lib/file-cache.ts';
import { memberFilesCacheName } from '../../sync/session-data.ts';
import { useSyncDatabase } from '../../sync/SyncProvider.tsx';
import { useSession } from '../auth/index.ts';
import { filesToKeep } from './file-cache.ts';

/** Keeps the attachments of every notice and the files of "keep offline" documents on the device in Cache Storage (and only those); renders nothing. */
export function FileCacheKeeper() {
  const db = useSyncDatabase();
  const { me } = useSession();
  const memberId = me?.member.id ?? null;
  useEffect(() => {
    if (!db || !memberId) return;
    return keepFiles(memberFilesCacheName(memberId), (listener) => {
      const sub = combineLatest([db.notices.find().$, db.documents.find().$]).subscribe(([notices, documents]) =>
        listener(
          filesToKeep(
            notices.map((d) => d.toJSON() as NoticeDoc),
            documents.map((d) => d.toJSON() as DocumentDoc),
          ),
        ),
      );
      return () => sub.unsubscribe();
    });
  }, [db, memberId]);
  return null;
}
