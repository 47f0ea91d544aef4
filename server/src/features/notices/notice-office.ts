import type { Actor, Audience, OfficedRecord } from '@kumiai/shared';
import { requireOffice } from '../../lib/access.ts';
import type { ActorRepo } from '../auth/index.ts';
import type { NoticeRow, NoticesRepo } from './notices-repo.ts';

export interface OfficedNotice {
  id: string;
  title: string;
  status: NoticeRow['status'];
  audience: Audience;
  authorId: string;
  row: NoticeRow;
}

/** A notice as the access rule sees it: out to its audience only while published. */
export const noticeRecord = (row: NoticeRow): OfficedRecord => ({ authorId: row.author_id, audience: JSON.parse(row.audience) as Audience, released: row.status === 'published' });

/**
 * The notice, if this actor answers for it: its author, or an officer who may
 * publish to its whole audience (shared/src/access.ts). Editing, reminding,
 * moderating its comments and reading its history all go through here.
 */
export function noticeOfficedBy(repo: NoticesRepo, actors: ActorRepo, actor: Actor, noticeId: string, options: { hidden?: boolean } = {}): OfficedNotice {
  const row = requireOffice(actor, repo.notice(noticeId), noticeRecord, (audience) => actors.mayPublishTo(actor, audience), options);
  return { id: row.id, title: row.title, status: row.status, audience: JSON.parse(row.audience) as Audience, authorId: row.author_id, row };
}

/**
 * What other features may ask of notices (comments, push): a notice as stored,
 * the notice an actor answers for, its readers and its reminders. They get this, never the repository.
 */
export class NoticeOffice {
  constructor(
    private readonly repo: NoticesRepo,
    private readonly actors: ActorRepo,
  ) {}

  notice(id: string): NoticeRow | undefined {
    return this.repo.notice(id);
  }

  officedBy(actor: Actor, noticeId: string, options: { hidden?: boolean } = {}): OfficedNotice {
    return noticeOfficedBy(this.repo, this.actors, actor, noticeId, options);
  }

  /** The members who have read the notice. */
  readers(id: string): Set<string> {
    return this.repo.readers(id);
  }

  /** Keeps a reminder, for the reminded members' app to show (call inside the reminding write). */
  recordReminder(noticeId: string, actorId: string, now: number, unread: number): void {
    this.repo.recordReminder(noticeId, actorId, now, unread);
  }
}
