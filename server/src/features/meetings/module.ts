import path from 'node:path';
import { defineModule } from '../../lib/feature-module.ts';
import { authModule } from '../auth/index.ts';
import { documentsModule } from '../documents/index.ts';
import { pushModule } from '../push/index.ts';
import { uploadsModule } from '../uploads/index.ts';
import { CheckinCodes } from './checkin-code.ts';
import { MeetingAttendance } from './meetings-attendance.ts';
import { MeetingCalendar } from './meetings-calendar.ts';
import { DayBeforeReminders } from './meetings-day-before.ts';
import { MeetingMinutes } from './meetings-minutes.ts';
import { MeetingProxies } from './meetings-proxies.ts';
import { MeetingsRepo } from './meetings-repo.ts';
import { meetingsRoutes } from './meetings-routes.ts';
import { MeetingsService } from './meetings-service.ts';
import { eventsCollection } from './meetings-sync.ts';

/** Meetings and events (issue 19): meetings, invitees' rsvps (synced as `events`), check-ins, quorum, decisions, minutes, calendars. */
export const meetingsModule = defineModule({
  name: 'meetings',
  dependsOn: [authModule, uploadsModule, pushModule, documentsModule],
  services: ({ db, clock, mutate, config }, { actors, push, documents, uploads }) => {
    const repo = new MeetingsRepo(db);
    const checkinCodes = new CheckinCodes(path.join(config.dataDir, 'meetings-checkin.key'));
    return {
      checkinCodes,
      meetings: new MeetingsService(repo, clock, actors, mutate, checkinCodes, push, uploads, documents),
      meetingAttendance: new MeetingAttendance(repo, clock, actors, mutate, checkinCodes, push),
      meetingMinutes: new MeetingMinutes(repo, clock, actors, mutate, documents, uploads),
      meetingCalendar: new MeetingCalendar(repo, clock, actors, config.publicUrl),
      meetingDayBefore: new DayBeforeReminders(repo, clock, push),
      meetingProxies: new MeetingProxies(repo),
    };
  },
  collections: () => [eventsCollection],
  hooks: (app, { checkinCodes, meetings }) => {
    checkinCodes.useLogger(app.log);
    meetings.resignCodesIfKeyNew();
  },
  routes: (app, services) => meetingsRoutes(app, services),
  // Invitees follow their meetings' audiences (a member joins, moves, leaves, gets a role); the push the day before.
  jobs: ({ meetings, meetingDayBefore }) => [
    { every: 'poll', run: () => meetings.followAudiences() },
    { every: 'poll', run: () => meetingDayBefore.run() },
  ],
  pushKinds: ['meeting'],
  auditActions: [
    'meeting.created',
    'meeting.updated',
    'meeting.cancelled',
    'meeting.reminded',
    'meeting.checked_in',
    'meeting.decided',
    'meeting.minutes_drafted',
    'meeting.minutes_approved',
  ],
});
