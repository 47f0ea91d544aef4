import { randomUUID } from 'node:crypto';
import { can, inAudience, scopeRoots, type Actor, type Audience, type NoticeInput } from '@kumiai/shared';
import type { Db } from '../../db/database.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import type { ActorRepo } from '../auth/actor-repo.ts';
import type { UploadsService } from '../uploads/uploads-service.ts';

interface NoticeRow {
  id: string;
  title: string;
  body: string;
  audience: string;
  status: string;
  publish_at: number;
  expires_at: number | null;
  author_id: string;
  version: number;
}

export interface ReadRate {
  total: number;
  read: number;
  units: { unitId: string; unitName: string; total: number; read: number }[];
  unread: { memberId: string; employeeNumber: string; name: string; unitId: string }[];
}

/**
 * Notices: officers publish to audiences within their scope; every edit keeps
 * the previous version; scheduled notices are published by `tick()` at their
 * time (the sync triggers then deliver them). Reading happens through sync.
 */
export class NoticesService {
  private readonly publishedListeners: ((ids: string[]) => void)[] = [];

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly actors: ActorRepo,
    private readonly uploads: UploadsService,
  ) {}

  /** Attachments must be the saver's own uploads (or already on this notice); the link rows let files be served to the notice's readers. */
  private attach(actor: Actor, id: string, attachments: NoticeInput['attachments']): void {
    const list = attachments ?? [];
    const existing = new Set(this.db.prepare('SELECT hash FROM notice_attachments WHERE notice_id = ?').pluck().all(id) as string[]);
    this.uploads.checkOwned(actor.memberId, list.filter((a) => !existing.has(a.hash)));
    this.db.prepare('DELETE FROM notice_attachments WHERE notice_id = ?').run(id);
    const put = this.db.prepare('INSERT OR IGNORE INTO notice_attachments (notice_id, hash) VALUES (?, ?)');
    for (const a of list) put.run(id, a.hash);
  }

  /** Told, after the commit, of notices that just became published (push notifications). */
  onPublished(listener: (ids: string[]) => void): void {
    this.publishedListeners.push(listener);
  }

  private announce(ids: string[]): void {
    if (ids.length > 0) for (const listener of this.publishedListeners) listener(ids);
  }

  private row(id: string): NoticeRow | undefined {
    return this.db.prepare('SELECT * FROM notices WHERE id = ?').get(id) as NoticeRow | undefined;
  }

  private checkAudience(actor: Actor, audience: Audience): void {
    for (const unit of audience.units) if (this.actors.unitPath(unit).length === 0) throw notFound(`No such unit ${unit}`);
    if (!this.actors.mayPublishTo(actor, audience)) {
      throw new AppError('forbidden', 403, 'You can publish only to units and members within your own scope');
    }
  }

  private status(publishAt: number, expiresAt: number | null | undefined): 'scheduled' | 'published' | 'expired' {
    const now = this.clock.now();
    if (expiresAt !== null && expiresAt !== undefined && expiresAt <= now) return 'expired';
    return publishAt > now ? 'scheduled' : 'published';
  }

  create(actor: Actor, input: NoticeInput): { id: string } {
    this.checkAudience(actor, input.audience);
    const id = randomUUID();
    const now = this.clock.now();
    const publishAt = input.publishAt ?? now;
    const status = this.status(publishAt, input.expiresAt);
    this.db
      .transaction(() => {
        this.db
          .prepare(
            `INSERT INTO notices (id, title, body, category, pinned, allow_comments, audience, status, publish_at, expires_at, author_id, version, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`,
          )
          .run(id, input.title.trim(), input.body, input.category ?? 'general', input.pinned ? 1 : 0, input.allowComments === false ? 0 : 1, JSON.stringify(input.audience), status, publishAt, input.expiresAt ?? null, actor.memberId, now, now);
        this.attach(actor, id, input.attachments);
        this.db.prepare('UPDATE notices SET attachments = ? WHERE id = ?').run(JSON.stringify(input.attachments ?? []), id);
        this.db
          .prepare('INSERT INTO notice_versions (notice_id, version, title, body, audience, editor_id, at) VALUES (?, 1, ?, ?, ?, ?, ?)')
          .run(id, input.title.trim(), input.body, JSON.stringify(input.audience), actor.memberId, now);
      })
      .immediate();
    if (status === 'published') this.announce([id]);
    return { id };
  }

  /** The author, or an officer whose scope covers the whole audience, edits; the previous version is kept. */
  update(actor: Actor, id: string, input: NoticeInput): { version: number } {
    const row = this.row(id);
    if (!row) throw notFound();
    const old = JSON.parse(row.audience) as Audience;
    if (!this.mayEdit(actor, row)) throw inAudience(actor, old) ? new AppError('forbidden', 403, 'Not allowed') : notFound();
    this.checkAudience(actor, input.audience);
    const now = this.clock.now();
    const publishAt = input.publishAt ?? row.publish_at;
    const version = row.version + 1;
    const status = this.status(publishAt, input.expiresAt === undefined ? row.expires_at : input.expiresAt);
    this.db
      .transaction(() => {
        this.db
          .prepare(
            `UPDATE notices SET title = ?, body = ?, category = COALESCE(?, category), pinned = COALESCE(?, pinned), allow_comments = COALESCE(?, allow_comments),
             audience = ?, status = ?, publish_at = ?, expires_at = ?, version = ?, updated_at = ? WHERE id = ?`,
          )
          .run(input.title.trim(), input.body, input.category ?? null, input.pinned === undefined ? null : input.pinned ? 1 : 0, input.allowComments === undefined ? null : input.allowComments ? 1 : 0, JSON.stringify(input.audience), status, publishAt, input.expiresAt === undefined ? row.expires_at : input.expiresAt, version, now, id);
        this.attach(actor, id, input.attachments);
        this.db.prepare('UPDATE notices SET attachments = ? WHERE id = ?').run(JSON.stringify(input.attachments ?? []), id);
        this.db
          .prepare('INSERT INTO notice_versions (notice_id, version, title, body, audience, editor_id, at) VALUES (?, ?, ?, ?, ?, ?, ?)')
          .run(id, version, input.title.trim(), input.body, JSON.stringify(input.audience), actor.memberId, now);
      })
      .immediate();
    if (status === 'published' && row.status !== 'published') this.announce([id]);
    return { version };
  }

  /** The edit rule: the author, or an officer whose scope covers the notice's whole current audience. */
  private mayEdit(actor: Actor, row: NoticeRow): boolean {
    return row.author_id === actor.memberId || this.actors.mayPublishTo(actor, JSON.parse(row.audience) as Audience);
  }

  /**
   * Every version, for those who may edit the notice only: earlier versions may
   * have gone to a narrower audience, and a scheduled notice is not out yet, so
   * a reader of today's version learns nothing from here (404, as for no notice).
   */
  history(actor: Actor, id: string): { version: number; title: string; body: string; audience: Audience; editorId: string; at: number }[] {
    const row = this.row(id);
    if (!row || !this.mayEdit(actor, row)) throw notFound();
    return (this.db.prepare('SELECT * FROM notice_versions WHERE notice_id = ? ORDER BY version').all(id) as { version: number; title: string; body: string; audience: string; editor_id: string; at: number }[]).map((v) => ({
      version: v.version,
      title: v.title,
      body: v.body,
      audience: JSON.parse(v.audience) as Audience,
      editorId: v.editor_id,
      at: v.at,
    }));
  }

  /** Publishes what is due and expires what is over; the triggers hand both to the sync engine. */
  tick(): number {
    const now = this.clock.now();
    const due: string[] = [];
    const changes = this.db
      .transaction(() => {
        due.push(...(this.db.prepare("SELECT id FROM notices WHERE status = 'scheduled' AND publish_at <= ? AND (expires_at IS NULL OR expires_at > ?)").pluck().all(now, now) as string[]));
        const published = this.db.prepare("UPDATE notices SET status = 'published', updated_at = ? WHERE status = 'scheduled' AND publish_at <= ? AND (expires_at IS NULL OR expires_at > ?)").run(now, now, now).changes;
        const expired = this.db.prepare("UPDATE notices SET status = 'expired', updated_at = ? WHERE status IN ('published', 'scheduled') AND expires_at IS NOT NULL AND expires_at <= ?").run(now, now).changes;
        return published + expired;
      })
      .immediate();
    this.announce(due);
    return changes;
  }

  /**
   * Read rates computed on the server: the audience's members per unit and how
   * many read; the unread list for the units the officer covers. No device ever
   * receives other members' read records.
   */
  readRate(actor: Actor, id: string): ReadRate {
    const row = this.row(id);
    if (!row) throw notFound();
    const audience = JSON.parse(row.audience) as Audience;
    const author = row.author_id === actor.memberId;
    // The author sees the whole audience; other officers the part of it within their scope.
    if (!author && scopeRoots(actor, 'notice.read_rates').length === 0) throw notFound();
    const readers = new Set(this.db.prepare('SELECT member_id FROM notice_reads WHERE notice_id = ?').pluck().all(id) as string[]);
    const units = new Map((this.db.prepare('SELECT id, name FROM units').all() as { id: string; name: string }[]).map((u) => [u.id, u.name]));
    const visible = this.actors
      .audienceMembers(audience)
      .filter((m) => author || can(actor, 'notice.read_rates', { unitPath: m.actor.unitPath }))
      .map((m) => ({ ...m, read: readers.has(m.actor.memberId) }));
    const perUnit = new Map<string, { total: number; read: number }>();
    for (const m of visible) {
      const u = perUnit.get(m.unitId) ?? { total: 0, read: 0 };
      u.total += 1;
      if (m.read) u.read += 1;
      perUnit.set(m.unitId, u);
    }
    return {
      total: visible.length,
      read: visible.filter((m) => m.read).length,
      units: [...perUnit].map(([unitId, c]) => ({ unitId, unitName: units.get(unitId) ?? '', ...c })).sort((a, b) => a.unitName.localeCompare(b.unitName, 'ja')),
      unread: visible.filter((m) => !m.read).map((m) => ({ memberId: m.actor.memberId, employeeNumber: m.employeeNumber, name: m.name, unitId: m.unitId })),
    };
  }
}
