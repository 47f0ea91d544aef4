import { reactionId, type NoticeCommentDoc, type ReactionEmoji } from '@kumiai/shared';
import { docsJson, useLiveQuery } from '../../sync/live-query.ts';

/** A comment or reaction written on this device that the server has not acknowledged yet (the server sets `updatedAt`). */
export function isWaiting(doc: NoticeCommentDoc): boolean {
  return doc.updatedAt === 0;
}

/** The comments and reactions of one notice on the device, live, oldest first; undefined while loading. */
export function useNoticeComments(noticeId: string): NoticeCommentDoc[] | undefined {
  return useLiveQuery((db) => db.notice_comments.find({ selector: { noticeId } }), (docs) => docsJson(docs).sort((a, b) => a.createdAt - b.createdAt), [noticeId]);
}

/** A reaction as the device writes it: `updatedAt` 0 until the server's copy arrives. */
export function newReaction(noticeId: string, memberId: string, emoji: ReactionEmoji): NoticeCommentDoc {
  return { id: reactionId(noticeId, memberId, emoji), noticeId, authorId: memberId, kind: 'reaction', text: '', emoji, hidden: false, createdAt: Date.now(), updatedAt: 0 };
}

/** A comment as the device writes it (its author's name shown until the server's copy arrives). */
export function newComment(noticeId: string, memberId: string, memberName: string, text: string): NoticeCommentDoc {
  return { id: crypto.randomUUID(), noticeId, authorId: memberId, authorName: memberName, kind: 'comment', text, emoji: null, hidden: false, createdAt: Date.now(), updatedAt: 0 };
}
