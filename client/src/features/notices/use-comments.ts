import { reactionId, type NoticeCommentDoc, type ReactionEmoji } from '@kumiai/shared';
import { useEffect, useState } from 'react';
import type { KumiaiDatabase } from '../../sync/database.ts';
import { useSyncDatabase } from '../../sync/SyncProvider.tsx';

interface Seen {
  db: KumiaiDatabase;
  noticeId: string;
  value: NoticeCommentDoc[];
}

/** A comment or reaction written on this device that the server has not acknowledged yet (the server sets `updatedAt`). */
export function isWaiting(doc: NoticeCommentDoc): boolean {
  return doc.updatedAt === 0;
}

/** The comments and reactions of one notice on the device, live, oldest first; undefined while loading. */
export function useNoticeComments(noticeId: string): NoticeCommentDoc[] | undefined {
  const db = useSyncDatabase();
  const [seen, setSeen] = useState<Seen | null>(null);
  useEffect(() => {
    if (!db) return;
    const sub = db.notice_comments
      .find({ selector: { noticeId } })
      .$.subscribe((docs) => setSeen({ db, noticeId, value: docs.map((d) => d.toJSON() as NoticeCommentDoc).sort((a, b) => a.createdAt - b.createdAt) }));
    return () => sub.unsubscribe();
  }, [db, noticeId]);
  if (!db || !seen || seen.db !== db || seen.noticeId !== noticeId) return undefined;
  return seen.value;
}

/** A reaction as the device writes it: `updatedAt` 0 until the server's copy arrives. */
export function newReaction(noticeId: string, memberId: string, emoji: ReactionEmoji): NoticeCommentDoc {
  return { id: reactionId(noticeId, memberId, emoji), noticeId, authorId: memberId, kind: 'reaction', text: '', emoji, hidden: false, createdAt: Date.now(), updatedAt: 0 };
}

/** A comment as the device writes it (its author's name shown until the server's copy arrives). */
export function newComment(noticeId: string, memberId: string, memberName: string, text: string): NoticeCommentDoc {
  return { id: crypto.randomUUID(), noticeId, authorId: memberId, authorName: memberName, kind: 'comment', text, emoji: null, hidden: false, createdAt: Date.now(), updatedAt: 0 };
}
