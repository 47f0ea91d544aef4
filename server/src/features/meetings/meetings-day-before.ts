import type { Clock } from '../../lib/clock.ts';
import type { PushService } from '../push/index.ts';
import type { MeetingsRepo } from './meetings-repo.ts';

const DAY = 24 * 3600 * 1000;

/**
 * The reminder the day before (issue 19): once a meeting is less than a day
 * away, a Web Push (`reason: 'upcoming'`) to every invitee who has not said
 * they will be absent. Marked sent in the database before it goes, so a second
 * poll or a restart never sends it twice (at most once: a crash between the
 * mark and the send loses that reminder; the calendar's own alarm remains).
 * A meeting made less than a day ahead gets it at once; a cancelled one never.
 */
export class DayBeforeReminders {
  constructor(
    private readonly repo: MeetingsRepo,
    private readonly clock: Clock,
    private readonly push: PushService,
  ) {}

  /** Runs at each poll: one indexed query when nothing is due. Returns how many meetings were reminded. */
  run(): number {
    const now = this.clock.now();
    const due = this.repo.startingSoonUnreminded(now, now + DAY);
    for (const meeting of due) {
      const members = this.repo.rsvps(meeting.id).filter((r) => r.answered_at === null || r.answer !== 'absent').map((r) => r.member_id);
      this.repo.markDayBefore(meeting.id, members.length, now);
      this.push.toMembers(members, { type: 'meeting', reason: 'upcoming', meetingId: meeting.id, title: meeting.title, url: `/meetings/${encodeURIComponent(meeting.id)}` });
    }
    return due.length;
  }
}
