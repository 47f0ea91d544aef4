import { DEFAULT_NOTICE_CATEGORY, englishOrNull, type Audience, type NoticeInput, type NoticeVersion } from '@kumiai/shared';
import { Repository } from '../../lib/statements.ts';

export interface NoticeRow {
  id: string;
  title: string;
  body: string;
  audience: string;
  status: 'draft' | 'scheduled' | 'published' | 'expired' | 'withdrawn';
  publish_at: number;
  expires_at: number | null;
  author_id: string;
  version: number;
}

export type NoticeStatus = 'scheduled' | 'published' | 'expired';

/** The SQL of notices: the notice rows, their versions, attachment links and read receipts. */
export class NoticesRepo extends Repository {

  /** One IMMEDIATE write transaction (the scheduler's; officers' writes go through the mutation wrapper's). */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  notice(id: string): NoticeRow | undefined {
    return this.sql('SELECT * FROM notices WHERE id = ?').get(id) as NoticeRow | undefined;
  }

  insert(id: string, input: NoticeInput, status: NoticeStatus, publishAt: number, authorId: string, now: number, origin: string | null = null): void {
    this.sql(
      `INSERT INTO notices (id, title, body, title_en, body_en, category, pinned, allow_comments, audience, status, publish_at, expires_at, author_id, version, created_at, updated_at, origin)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)`,
    ).run(id, input.title.trim(), input.body, englishOrNull(input.titleEn), englishOrNull(input.bodyEn), input.category ?? DEFAULT_NOTICE_CATEGORY, input.pinned ? 1 : 0, input.allowComments === false ? 0 : 1, JSON.stringify(input.audience), status, publishAt, input.expiresAt ?? null, authorId, now, now, origin);
  }

  update(id: string, input: NoticeInput, status: NoticeStatus, publishAt: number, expiresAt: number | null, version: number, now: number): void {
    this.sql(
      `UPDATE notices SET title = ?, body = ?, title_en = ?, body_en = ?, category = COALESCE(?, category), pinned = COALESCE(?, pinned), allow_comments = COALESCE(?, allow_comments),
       audience = ?, status = ?, publish_at = ?, expires_at = ?, version = ?, updated_at = ? WHERE id = ?`,
    ).run(input.title.trim(), input.body, englishOrNull(input.titleEn), englishOrNull(input.bodyEn), input.category ?? null, input.pinned === undefined ? null : input.pinned ? 1 : 0, input.allowComments === undefined ? null : input.allowComments ? 1 : 0, JSON.stringify(input.audience), status, publishAt, expiresAt, version, now, id);
  }

  /** The attachment links (which let files be served to the notice's readers) and the list devices show. */
  attachmentHashes(id: string): string[] {
    return this.sql('SELECT hash FROM notice_attachments WHERE notice_id = ?').pluck().all(id) as string[];
  }

  setAttachments(id: string, attachments: NonNullable<NoticeInput['attachments']>): void {
    this.sql('DELETE FROM notice_attachments WHERE notice_id = ?').run(id);
    const put = this.sql('INSERT OR IGNORE INTO notice_attachments (notice_id, hash) VALUES (?, ?)');
    for (const a of attachments) put.run(id, a.hash);
    this.sql('UPDATE notices SET attachments = ? WHERE id = ?').run(JSON.stringify(attachments), id);
  }

  addVersion(id: string, version: number, input: NoticeInput, editorId: string, at: number): void {
    this.sql('INSERT INTO notice_versions (notice_id, version, title, body, audience, editor_id, at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(id, version, input.title.trim(), input.body, JSON.stringify(input.audience), editorId, at);
  }

  versions(id: string): NoticeVersion[] {
    return (this.sql('SELECT * FROM notice_versions WHERE notice_id = ? ORDER BY version').all(id) as { version: number; title: string; body: string; audience: string; editor_id: string; at: number }[]).map((v) => ({
      version: v.version,
      title: v.title,
      body: v.body,
      audience: JSON.parse(v.audience) as Audience,
      editorId: v.editor_id,
      at: v.at,
    }));
  }

  /** Publishes what is due and expires what is over; returns the newly published ids and how many rows changed. */
  publishDue(now: number): { due: string[]; changes: number } {
    const due = this.sql("SELECT id FROM notices WHERE status = 'scheduled' AND publish_at <= ? AND (expires_at IS NULL OR expires_at > ?)").pluck().all(now, now) as string[];
    const published = this.sql("UPDATE notices SET status = 'published', updated_at = ? WHERE status = 'scheduled' AND publish_at <= ? AND (expires_at IS NULL OR expires_at > ?)").run(now, now, now).changes;
    const expired = this.sql("UPDATE notices SET status = 'expired', updated_at = ? WHERE status IN ('published', 'scheduled') AND expires_at IS NOT NULL AND expires_at <= ?").run(now, now).changes;
    return { due, changes: published + expired };
  }

  readers(id: string): Set<string> {
    return new Set(this.sql('SELECT member_id FROM notice_reads WHERE notice_id = ?').pluck().all(id) as string[]);
  }

  unitNames(): Map<string, string> {
    return new Map((this.sql('SELECT id, name FROM units').all() as { id: string; name: string }[]).map((u) => [u.id, u.name]));
  }

  recordReminder(noticeId: string, actorId: string, now: number, unread: number): void {
    this.sql('INSERT INTO notice_reminders (notice_id, actor_id, at, unread) VALUES (?, ?, ?, ?)').run(noticeId, actorId, now, unread);
  }

  /** Published notices reminded of that this member has not read, with their last reminder (the audience is checked by the caller). */
  remindedUnread(memberId: string): { id: string; title: string; audience: string; reminded_at: number }[] {
    return this.sql(
      `SELECT n.id, n.title, n.audience, max(r.at) AS reminded_at FROM notice_reminders r JOIN notices n ON n.id = r.notice_id
       WHERE n.status = 'published' AND NOT EXISTS (SELECT 1 FROM notice_reads x WHERE x.notice_id = n.id AND x.member_id = ?)
       GROUP BY n.id ORDER BY reminded_at DESC`,
    ).all(memberId) as { id: string; title: string; audience: string; reminded_at: number }[];
  }
}
