import { inAudience, type Actor, type Audience, type PushPayload, type PushSubscriptionInput, type ReminderResult } from '@kumiai/shared';
import { Agent } from 'node:https';
import type { Db } from '../../db/database.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import type { ActorRepo } from '../auth/index.ts';
import type { Mutate } from '../../lib/mutate.ts';
import type { NoticeOffice } from '../notices/index.ts';
import { checkPushEndpoint, publicOnlyLookup } from './push-endpoints.ts';
import type { PushRepo, SubscriptionRow } from './push-repo.ts';
import { type PushSender, type VapidDetails, vapidSubject, webPushSender } from './push-sender.ts';
import { loadVapidKeys } from './vapid-keys.ts';

interface Logger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

/** A member keeps at most this many devices subscribed; the oldest go first. */
const MAX_PER_MEMBER = 10;

const silent: Logger = { info: () => undefined, warn: () => undefined };

/** Where a message went, for logs: the push service's origin only (the path is the subscription's secret). */
const originOf = (endpoint: string) => URL.canParse(endpoint) ? new URL(endpoint).origin : 'invalid';

/**
 * Web Push: the VAPID key pair (made at first start; the private key in a
 * file of its own, vapid-keys.ts), members' subscriptions (on known push
 * services only, push-endpoints.ts), and messages for newly published notices and
 * reminders. Messages go out after the commit, never inside a transaction;
 * failures are logged and never thrown; dead subscriptions (404/410) are deleted.
 */
export class PushService {
  private vapid: VapidDetails | null = null;
  private readonly pending = new Set<Promise<void>>();
  private log: Logger = silent;
  private agent: Agent | null = null;
  /** Replaceable for tests; the default encrypts and sends with the web-push library. */
  sender: PushSender = webPushSender(
    () => this.vapidDetails(),
    () => (this.agent ??= this.testTransport ? new Agent({ ca: this.testTransport.ca }) : new Agent({ lookup: publicOnlyLookup })),
  );
  /**
   * Tests only: their local push service listens on 127.0.0.1 with a
   * self-signed certificate. Real servers never set it: subscriptions to
   * private addresses are refused, and connections to them too.
   */
  testTransport: { ca: string } | null = null;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly actors: ActorRepo,
    private readonly config: { publicUrl: string; hosts: readonly string[]; keyFile: string },
    private readonly notices: NoticeOffice,
    private readonly mutate: Mutate,
    private readonly repo: PushRepo,
  ) {}

  useLogger(log: Logger): void {
    this.log = log;
  }

  private vapidDetails(): VapidDetails {
    if (!this.vapid) {
      const keys = loadVapidKeys(this.db, this.config.keyFile, this.clock, this.log);
      this.vapid = { subject: vapidSubject(this.config.publicUrl), ...keys };
    }
    return this.vapid;
  }

  publicKey(): string {
    return this.vapidDetails().publicKey;
  }

  subscribe(auth: { actor: Actor; sessionKind: 'personal' | 'kiosk' | null }, input: PushSubscriptionInput): void {
    // A shared kiosk must never show one member's notices to the next.
    if (auth.sessionKind === 'kiosk') throw new AppError('forbidden', 403, 'Kiosk sessions cannot subscribe to push');
    checkPushEndpoint(input.endpoint, this.config.hosts, this.testTransport !== null);
    const p256dh = Buffer.from(input.keys.p256dh, 'base64url');
    if (p256dh.length !== 65 || p256dh[0] !== 4) throw new AppError('validation_failed', 400, 'keys.p256dh must be an uncompressed P-256 point');
    if (Buffer.from(input.keys.auth, 'base64url').length !== 16) throw new AppError('validation_failed', 400, 'keys.auth must be 16 bytes');
    // One endpoint is one browser: if another member subscribed it before (a shared phone), it is now this member's.
    this.repo.subscribe(auth.actor.memberId, input.endpoint, input.keys, this.clock.now(), MAX_PER_MEMBER);
  }

  unsubscribe(actor: Actor, endpoint: string): void {
    this.repo.unsubscribe(actor.memberId, endpoint);
  }

  /** Newly published notices: each subscribed member of the audience (not the author) gets one message. Call after the commit. */
  noticesPublished(ids: readonly string[]): void {
    for (const id of ids) {
      const notice = this.notices.notice(id);
      if (notice?.status !== 'published') continue;
      const targets = this.audienceSubscriptions(JSON.parse(notice.audience) as Audience, notice.id, false).filter((s) => s.member_id !== notice.author_id);
      this.dispatch(targets, { type: 'notice', noticeId: notice.id, title: notice.title, url: `/notices/${notice.id}` });
    }
  }

  /**
   * The author or an officer of the notice reminds those of its audience who
   * have not read it (audited): a push to each of their subscribed devices, and
   * the reminder recorded for the app to show them. Answers who was unread and
   * how many of them no push can reach.
   */
  remind(actor: Actor, noticeId: string): ReminderResult {
    const notice = this.notices.officedBy(actor, noticeId);
    if (notice.status !== 'published') throw new AppError('bad_request', 400, 'Only a published notice can be reminded of');
    const readers = this.notices.readers(notice.id);
    const unread = this.actors.audienceMembers(notice.audience).filter((m) => !readers.has(m.actor.memberId)).length;
    const counts = (targets: { member_id: string }[]): ReminderResult => {
      const pushed = new Set(targets.map((t) => t.member_id)).size;
      return { unread, pushed, withoutPush: unread - pushed, members: pushed };
    };
    const targets = this.mutate<SubscriptionRow[]>(actor, { checks: [], audit: { action: 'notice.reminded', target: notice.id, detail: (targets) => ({ ...counts(targets) }) } }, (now): SubscriptionRow[] => {
      this.notices.recordReminder(notice.id, actor.memberId, now, unread);
      return this.audienceSubscriptions(notice.audience, notice.id, true);
    });
    this.dispatch(targets, { type: 'reminder', noticeId: notice.id, title: notice.title, url: `/notices/${notice.id}` });
    return counts(targets);
  }

  /** One message to each subscribed device of these members (an application's applicant or its approvers). Call after the commit. Answers how many of them have a device to reach. */
  toMembers(memberIds: readonly string[], payload: PushPayload): number {
    if (memberIds.length === 0) return 0;
    const targets = this.repo.ofMembers(memberIds);
    this.dispatch(targets, payload);
    return new Set(targets.map((t) => t.member_id)).size;
  }

  /** Resolves when every message sent so far has been answered (tests; a graceful stop). */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  /** Subscriptions of active members in the audience (unread ones only, for reminders). */
  private audienceSubscriptions(audience: Audience, noticeId: string, unreadOnly: boolean): SubscriptionRow[] {
    const rows = this.repo.active(unreadOnly ? noticeId : null);
    const reached = new Map<string, boolean>();
    return rows.filter((row) => {
      if (!reached.has(row.member_id)) {
        const member = this.actors.load(row.member_id);
        reached.set(row.member_id, member !== null && inAudience(member, audience));
      }
      return reached.get(row.member_id) === true;
    });
  }

  private dispatch(targets: SubscriptionRow[], payload: PushPayload): void {
    if (targets.length === 0) return;
    const body = JSON.stringify(payload);
    // Detached from the request and its transaction; the promise is tracked only so tests can wait for it.
    const run = (async () => {
      await new Promise((resolve) => setImmediate(resolve));
      await Promise.all(targets.map((t) => this.sendOne(t, body)));
    })();
    this.pending.add(run);
    void run.finally(() => this.pending.delete(run));
  }

  private async sendOne(target: SubscriptionRow, body: string): Promise<void> {
    const where = originOf(target.endpoint);
    try {
      // A subscription stored before the host list (or after it shrank) is not sent to, and goes.
      checkPushEndpoint(target.endpoint, this.config.hosts, this.testTransport !== null);
    } catch {
      this.repo.delete(target.endpoint);
      this.log.warn({ pushService: where }, 'push subscription to a host not allowed: deleted');
      return;
    }
    try {
      const { statusCode } = await this.sender({ endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } }, body);
      if (statusCode === 404 || statusCode === 410) {
        this.repo.delete(target.endpoint);
        this.log.info({ pushService: where, statusCode }, 'push subscription expired: deleted');
      } else if (statusCode >= 300) {
        this.log.warn({ pushService: where, statusCode }, 'push refused');
      }
    } catch (error) {
      this.log.warn({ pushService: where, err: error instanceof Error ? error.message : String(error) }, 'push failed');
    }
  }
}
