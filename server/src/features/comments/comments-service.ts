import type { Actor } from '@kumiai/shared';
import type { Db } from '../../db/database.ts';
import type { Clock } from '../../lib/clock.ts';
import { notFound } from '../../lib/errors.ts';
import type { ActorRepo } from '../auth/actor-repo.ts';
import { noticeOfficedBy } from './notice-officer.ts';

/**
 * Moderation of comments; members write comments and reactions through sync
 * (`comments-sync.ts`). Hiding keeps the text in the database (for the record)
 * and the triggers send every reader the comment with its text emptied.
 */
export class CommentsService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly actors: ActorRepo,
  ) {}

  hide(actor: Actor, noticeId: string, commentId: string): { hidden: true } {
    noticeOfficedBy(this.db, this.actors, actor, noticeId);
    const now = this.clock.now();
    const changed = this.db
      .prepare("UPDATE notice_comments SET hidden = 1, hidden_by = ?, hidden_at = ?, updated_at = ? WHERE id = ? AND notice_id = ? AND kind = 'comment' AND hidden = 0")
      .run(actor.memberId, now, now, commentId, noticeId).changes;
    if (changed === 0 && !this.db.prepare("SELECT 1 FROM notice_comments WHERE id = ? AND notice_id = ? AND kind = 'comment'").get(commentId, noticeId)) throw notFound();
    return { hidden: true };
  }
}
