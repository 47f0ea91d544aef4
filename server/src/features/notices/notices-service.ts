import { randomUUID } from 'node:crypto';
import { can, inAudience, scopeRoots, type Actor, type Audience, type NoticeInput, type NoticeReminder, type NoticeVersion, type UnreadByUnit } from '@kumiai/shared';
import type { Clock } from '../../lib/clock.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import type { Mutate } from '../../lib/mutate.ts';
import type { ActorRepo } from '../auth/index.ts';
import type { UploadsService } from '../uploads/index.ts';
import { noticeOfficedBy } from './notice-office.ts';
import type { NoticesRepo } from './notices-repo.ts';

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
 * Creating and editing go through the mutation wrapper, so each is audited.
 */
export class NoticesService {
  private readonly publishedListeners: ((ids: string[]) => void)[] = [];

  constructor(
    private readonly repo: NoticesRepo,
    private readonly clock: Clock,
    private readonly actors: ActorRepo,
    private readonly uploads: UploadsService,
    private readonly mutate: Mutate,
  ) {}

  /** Attachments must be the saver's own uploads (or already on this notice); the link rows let files be served to the notice's readers. */
  private attach(actor: Actor, id: string, attachments: NoticeInput['attachments']): void {
    const list = attachments ?? [];
    const existing = new Set(this.repo.attachmentHashes(id));
    this.uploads.checkOwned(actor.memberId, list.filter((a) => !existing.has(a.hash)));
    this.repo.setAttachments(id, list);
  }

  /** Told, after the commit, of notices that just became published (push notifications). */
  onPublished(listener: (ids: string[]) => void): void {
    this.publishedListeners.push(listener);
  }

  private announce(ids: string[]): void {
    if (ids.length > 0) for (const listener of this.publishedListeners) listener(ids);
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
    return this.insert(actor, input);
  }

  /**
   * A notice another feature sends in its own right, to an audience it has
   * decided on (an election's result to its electorate, by the commission):
   * no notice.publish check, the rest as `create` (audited, pushed).
   */
  createAnnouncement(actor: Actor, input: NoticeInput): { id: string } {
    for (const unit of input.audience.units) if (this.actors.unitPath(unit).length === 0) throw notFound(`No such unit ${unit}`);
    return this.insert(actor, input);
  }

  /**
   * A federation's notice or unified action (issue 20), with its origin (members see "from <federation>"):
   * released by an officer to an audience in their scope (`checked`), or to the default the union agreed to.
   */
  createFromFederation(actor: Actor, input: NoticeInput, origin: string, checked: boolean): { id: string } {
    if (checked) this.checkAudience(actor, input.audience);
    else for (const unit of input.audience.units) if (this.actors.unitPath(unit).length === 0) throw notFound(`No such unit ${unit}`);
    return this.insert(actor, input, origin);
  }

  private insert(actor: Actor, input: NoticeInput, origin: string | null = null): { id: string } {
    const id = randomUUID();
    const now = this.clock.now();
    const publishAt = input.publishAt ?? now;
    const status = this.status(publishAt, input.expiresAt);
    this.mutate(actor, { checks: [], audit: { action: 'notice.created', target: id, detail: { title: input.title.trim(), status, audience: input.audience, ...(origin ? { origin } : {}) } } }, () => {
      this.repo.insert(id, input, status, publishAt, actor.memberId, now, origin);
      this.attach(actor, id, input.attachments);
      this.repo.addVersion(id, 1, input, actor.memberId, now);
    });
    if (status === 'published') this.announce([id]);
    return { id };
  }

  /** The author, or an officer whose scope covers the whole audience, edits; the previous version is kept. */
  update(actor: Actor, id: string, input: NoticeInput): { version: number } {
    const { row } = noticeOfficedBy(this.repo, this.actors, actor, id);
    this.checkAudience(actor, input.audience);
    const now = this.clock.now();
    const publishAt = input.publishAt ?? row.publish_at;
    const version = row.version + 1;
    const expiresAt = input.expiresAt === undefined ? row.expires_at : input.expiresAt;
    const status = this.status(publishAt, expiresAt);
    const detail = { version, title: input.title.trim(), status, from: row.status, audience: input.audience };
    this.mutate(actor, { checks: [], audit: { action: 'notice.updated', target: id, detail } }, () => {
      this.repo.update(id, input, status, publishAt, expiresAt, version, now);
      this.attach(actor, id, input.attachments);
      this.repo.addVersion(id, version, input, actor.memberId, now);
    });
    if (status === 'published' && row.status !== 'published') this.announce([id]);
    return { version };
  }

  /**
   * Every version, for those who may edit the notice only: earlier versions may
   * have gone to a narrower audience, and a scheduled notice is not out yet, so
   * a reader of today's version learns nothing from here (404, as for no notice).
   */
  history(actor: Actor, id: string): NoticeVersion[] {
    noticeOfficedBy(this.repo, this.actors, actor, id, { hidden: true });
    return this.repo.versions(id);
  }

  /** Publishes what is due and expires what is over; the triggers hand both to the sync engine. */
  tick(): number {
    const now = this.clock.now();
    const { due, changes } = this.repo.transaction(() => this.repo.publishDue(now));
    this.announce(due);
    return changes;
  }

  /**
   * Read rates computed on the server: the audience's members per unit and how
   * many read; the unread list for the units the officer covers. No device ever
   * receives other members' read records.
   */
  readRate(actor: Actor, id: string): ReadRate {
    const row = this.repo.notice(id);
    if (!row) throw notFound();
    const audience = JSON.parse(row.audience) as Audience;
    const author = row.author_id === actor.memberId;
    // The author sees the whole audience; other officers the part of it within their scope.
    if (!author && scopeRoots(actor, 'notice.read_rates').length === 0) throw notFound();
    const readers = this.repo.readers(id);
    const units = this.repo.unitNames();
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

  /**
   * The unread members of the notice's audience, by unit, for its author or an
   * officer whose scope covers the audience (the 職場委員's printed list).
   */
  unreadByUnit(actor: Actor, id: string): UnreadByUnit {
    const { row, audience } = noticeOfficedBy(this.repo, this.actors, actor, id);
    const readers = this.repo.readers(id);
    const names = this.repo.unitNames();
    const members = this.actors.audienceMembers(audience);
    const byUnit = new Map<string, UnreadByUnit['units'][number]>();
    for (const m of members) {
      if (readers.has(m.actor.memberId)) continue;
      let unit = byUnit.get(m.unitId);
      if (!unit) byUnit.set(m.unitId, (unit = { unitId: m.unitId, unitPath: m.actor.unitPath.map((u) => names.get(u) ?? ''), members: [] }));
      unit.members.push({ memberId: m.actor.memberId, employeeNumber: m.employeeNumber, name: m.name });
    }
    const units = [...byUnit.values()].sort((a, b) => a.unitPath.join('\u0000').localeCompare(b.unitPath.join('\u0000'), 'ja'));
    for (const unit of units) unit.members.sort((a, b) => a.employeeNumber.localeCompare(b.employeeNumber));
    return {
      notice: { id: row.id, title: row.title, publishAt: row.publish_at },
      total: members.length,
      unread: units.reduce((n, u) => n + u.members.length, 0),
      units,
    };
  }

  /** The reminders a member's home shows: notices they were reminded of, may read, and have not read. */
  remindersFor(actor: Actor): NoticeReminder[] {
    return this.repo
      .remindedUnread(actor.memberId)
      .filter((n) => inAudience(actor, JSON.parse(n.audience) as Audience))
      .map((n) => ({ noticeId: n.id, title: n.title, remindedAt: n.reminded_at }));
  }
}
