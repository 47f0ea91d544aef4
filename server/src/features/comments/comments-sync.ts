import { audienceRoles, COMMENT_SERVER_OWNED, commentWriteProblem, noticeCommentDocSchema, type NoticeCommentDoc } from '@kumiai/shared';
import { ALLOW, type CollectionRegistration } from '../../sync/registry.ts';

/**
 * `notice_comments`: comments and reactions. Readable by the notice's readers
 * (sync_audience rows copied from the notice's by the generated triggers: `capture.follows`)
 * and by the notice's author (scope_member). Hidden comments and taken-back
 * ones are sent with empty text to everyone: a projection is the same for all readers.
 */
export const commentsCollection: CollectionRegistration<NoticeCommentDoc> = {
  name: 'notice_comments',
  schema: noticeCommentDocSchema,
  source: {
    table: 'notice_comments',
    projection: `json_object('id', t.id, 'noticeId', t.notice_id, 'authorId', t.author_id, 'authorName', (SELECT name FROM members WHERE id = t.author_id),
      'kind', t.kind, 'text', CASE WHEN t.hidden OR t.deleted THEN '' ELSE t.text END, 'emoji', t.emoji,
      'hidden', json(CASE WHEN t.hidden THEN 'true' ELSE 'false' END), 'createdAt', t.created_at, 'updatedAt', t.updated_at)`,
  },
  // A taken-back comment stays a row: `deleted` sends it as removed, to the notice's readers.
  capture: { deleted: 'deleted', follows: { collection: 'notices', column: 'notice_id' } },
  readableUnits: () => [],
  // The same audience membership as notices: a comment reaches exactly its notice's readers.
  audience: { units: (actor) => [...actor.unitPath], roles: (actor) => audienceRoles(actor) },
  readsOwn: (actor) => actor.status !== 'left',
  serverOwned: COMMENT_SERVER_OWNED,
  write: {
    check: (ctx, master, doc, deleted) => {
      const notice = ctx.stmt('SELECT allow_comments FROM notices WHERE id = ?').get(doc.noticeId) as { allow_comments: number } | undefined;
      const parent = { readable: notice !== undefined && ctx.visible('notices', doc.noticeId), allowComments: notice?.allow_comments === 1 };
      // Re-creating a taken-back comment or reaction is for its own author only: nobody takes over another's id.
      const earlierAuthor = master ? undefined : (ctx.stmt('SELECT author_id FROM notice_comments WHERE id = ?').pluck().get(doc.id) as string | undefined);
      if (earlierAuthor !== undefined && earlierAuthor !== ctx.actor.memberId) return { code: 'forbidden' };
      return commentWriteProblem(ctx.actor, master, doc, deleted, parent) ?? ALLOW;
    },
    apply: (ctx, doc, _master, deleted) => {
      if (deleted) {
        // Kept as a row (text dropped) so the removal still reaches the notice's readers.
        ctx.stmt("UPDATE notice_comments SET deleted = 1, text = '', updated_at = ? WHERE id = ?").run(ctx.now, doc.id);
        return;
      }
      // Written on the device, perhaps offline: its time is kept, but never one from the future.
      ctx
        .stmt(
          `INSERT INTO notice_comments (id, notice_id, author_id, kind, text, emoji, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (id) DO UPDATE SET text = excluded.text, deleted = 0, updated_at = excluded.updated_at`,
        )
        .run(doc.id, doc.noticeId, doc.authorId, doc.kind, doc.kind === 'comment' ? doc.text : '', doc.emoji, Math.min(doc.createdAt, ctx.now), ctx.now);
    },
  },
};
