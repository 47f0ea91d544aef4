import { createHash, randomBytes } from 'node:crypto';
import ical, { ICalAlarmType, ICalEventStatus } from 'ical-generator';
import type { Actor } from '@kumiai/shared';
import type { Clock } from '../../lib/clock.ts';
import { notFound } from '../../lib/errors.ts';
import type { ActorRepo } from '../auth/index.ts';
import type { MeetingRow, MeetingsRepo } from './meetings-repo.ts';

const DAY = 24 * 3600 * 1000;
/** How far back the feed reaches: past meetings stay in the phone's calendar for a while. */
const FEED_PAST_MS = 180 * DAY;

const hash = (secret: string) => createHash('sha256').update(secret, 'utf8').digest('hex');

/**
 * Calendars (iCalendar, RFC 5545, written by `ical-generator`): one `.ics` per
 * meeting for anyone invited or running it, and a per-member feed at a secret
 * URL holding the meetings they are invited to, which phones' calendars
 * subscribe to. Only the SHA-256 of the secret is stored; a new one replaces
 * it, and revoking deletes it. Times are UTC; each event has a reminder the day before.
 */
export class MeetingCalendar {
  constructor(
    private readonly repo: MeetingsRepo,
    private readonly clock: Clock,
    private readonly actors: ActorRepo,
    private readonly publicUrl: string,
  ) {}

  private ics(name: string, rows: readonly MeetingRow[]): string {
    const calendar = ical({ name, prodId: { company: 'Kumiai', product: 'meetings', language: 'JA' } });
    for (const row of rows) {
      const location = [row.place, row.online_url].filter(Boolean).join(' / ');
      calendar.createEvent({
        id: `${row.id}@kumiai`,
        start: new Date(row.starts_at),
        end: new Date(row.ends_at),
        stamp: new Date(row.updated_at),
        summary: row.title,
        description: row.description || null,
        location: location || null,
        url: `${this.publicUrl}/meetings/${encodeURIComponent(row.id)}`,
        status: row.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
        alarms: row.cancelled ? [] : [{ type: ICalAlarmType.display, trigger: DAY / 1000, description: row.title }],
      });
    }
    return calendar.toString();
  }

  /** One meeting, for an invitee, its organiser or an officer whose meeting.manage scope covers its audience. */
  meetingIcs(actor: Actor, id: string): string {
    const row = this.repo.meeting(id);
    if (!row) throw notFound();
    const mayRead = this.repo.invited(id, actor.memberId) || row.member_id === actor.memberId || this.actors.mayPublishTo(actor, this.repo.audienceOf(row), 'meeting.manage');
    if (!mayRead) throw notFound();
    return this.ics(row.title, [row]);
  }

  /** A new secret feed URL; the previous secret stops working at once. */
  createFeed(actor: Actor): { url: string } {
    const secret = randomBytes(32).toString('base64url');
    this.repo.setFeed(actor.memberId, hash(secret), this.clock.now());
    return { url: `${this.publicUrl}/calendar/${secret}.ics` };
  }

  revokeFeed(actor: Actor): void {
    this.repo.deleteFeed(actor.memberId);
  }

  /** The feed behind a secret (404 for an unknown, revoked or replaced one, or a member who left). */
  feed(secret: string): string {
    if (!/^[A-Za-z0-9_-]{43}$/.test(secret)) throw notFound();
    const member = this.repo.feedMember(hash(secret));
    if (!member || member.status === 'left') throw notFound();
    return this.ics('組合の会議', this.repo.meetingsOf(member.id, this.clock.now() - FEED_PAST_MS));
  }
}
