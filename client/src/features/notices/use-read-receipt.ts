import { inAudience, type NoticeDoc } from '@kumiai/shared';
import { useEffect } from 'react';
import { useSyncDatabase } from '../../sync/SyncProvider.tsx';
import { useActor } from '../auth/index.ts';

/** Opening a published notice of one's audience records a read on the device (offline too); the sync engine sends it. */
export function useReadReceipt(notice: NoticeDoc | null | undefined): void {
  const db = useSyncDatabase();
  const actor = useActor();
  const memberId = actor?.memberId ?? null;
  const eligible = Boolean(notice && actor && notice.status === 'published' && inAudience(actor, notice.audience));
  const noticeId = notice?.id ?? null;
  useEffect(() => {
    if (!db || !memberId || !noticeId || !eligible) return;
    const id = `${noticeId}:${memberId}`;
    void (async () => {
      if (await db.reads.findOne(id).exec()) return;
      await db.reads.insert({ id, noticeId, memberId, readAt: Date.now() });
    })().catch(() => undefined); // already recorded (another tab): nothing to do
  }, [db, memberId, noticeId, eligible]);
}
