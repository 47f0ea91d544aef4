import { inAudience, type Actor, type Audience } from '@kumiai/shared';
import type { Db } from '../../db/database.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import type { ActorRepo } from '../auth/actor-repo.ts';

export interface OfficedNotice {
  id: string;
  title: string;
  status: string;
  audience: Audience;
  authorId: string;
}

/**
 * The notice, if this actor answers for it: its author, or an officer who may
 * publish to its whole audience (the rule NoticesService.update uses). Others
 * get 403 when they can read it, else 404 (its existence is not revealed).
 */
export function noticeOfficedBy(db: Db, actors: ActorRepo, actor: Actor, noticeId: string): OfficedNotice {
  const row = db.prepare('SELECT id, title, status, audience, author_id FROM notices WHERE id = ?').get(noticeId) as
    | { id: string; title: string; status: string; audience: string; author_id: string }
    | undefined;
  if (!row) throw notFound();
  const audience = JSON.parse(row.audience) as Audience;
  const officer = row.author_id === actor.memberId || actors.mayPublishTo(actor, audience);
  if (!officer) throw row.status === 'published' && inAudience(actor, audience) ? new AppError('forbidden', 403, 'Not allowed') : notFound();
  return { id: row.id, title: row.title, status: row.status, audience, authorId: row.author_id };
}
