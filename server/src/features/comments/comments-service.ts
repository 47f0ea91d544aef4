import type { Actor } from '@kumiai/shared';
import { notFound } from '../../lib/errors.ts';
import type { Mutate } from '../../lib/mutate.ts';
import { Repository } from '../../lib/statements.ts';
import type { NoticeOffice } from '../notices/index.ts';

/** The SQL of comment moderation (members write comments through sync, `comments-sync.ts`). */
export class CommentsRepo extends Repository {

  /** Hides a visible comment of this notice; false when there was none to hide. */
  hide(noticeId: string, commentId: string, hiddenBy: string, now: number): boolean {
    return this.sql("UPDATE notice_comments SET hidden = 1, hidden_by = ?, hidden_at = ?, updated_at = ? WHERE id = ? AND notice_id = ? AND kind = 'comment' AND hidden = 0").run(hiddenBy, now, now, commentId, noticeId).changes > 0;
  }

  exists(noticeId: string, commentId: string): boolean {
    return this.sql("SELECT 1 FROM notice_comments WHERE id = ? AND notice_id = ? AND kind = 'comment'").get(commentId, noticeId) !== undefined;
  }
}

/**
 * Moderation of comments; members write comments and reactions through sync
 * (`comments-sync.ts`). Hiding keeps the text in the database (for the record)
 * and the triggers send every reader the comment with its text emptied.
 */
export class CommentsService {
  constructor(
    private readonly repo: CommentsRepo,
    private readonly notices: NoticeOffice,
    private readonly mutate: Mutate,
  ) {}

  /** The notice's author or officer hides a comment; hiding and its audit row commit together. */
  hide(actor: Actor, noticeId: string, commentId: string): { hidden: true } {
    this.notices.officedBy(actor, noticeId);
    return this.mutate(actor, { checks: [], audit: { action: 'comment.hidden', target: commentId, detail: { noticeId } } }, (now) => {
      if (!this.repo.hide(noticeId, commentId, actor.memberId, now) && !this.repo.exists(noticeId, commentId)) throw notFound();
      return { hidden: true as const };
    });
  }
}
