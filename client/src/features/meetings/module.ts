import { defineModule } from '../../lib/feature-module.ts';
import { eventsCollection } from './collections.ts';
import { MaterialsKeeper } from './MaterialsKeeper.tsx';
import { MeetingsHomeCard, MeetingsToAnswer } from './MeetingsCard.tsx';
import { calendarFeedRoute, meetingRoute, meetingsRoute } from './meetings-route.tsx';
import { meetingsEn, meetingsJa } from './messages.ts';
import { useMeetingsToAnswer } from './use-meetings.ts';

/** Meetings (会議, issue 19), the member's side: their meetings offline, their answer and proxy, the attendance QR, calendars. */
export const meetingsModule = defineModule({
  name: 'meetings',
  collections: [eventsCollection],
  routes: [meetingsRoute, meetingRoute, calendarFeedRoute],
  // Meetings waiting for an answer are listed on 手続き too, and count in its badge (after the votes).
  tabSections: [{ id: 'meetings-to-answer', tab: 'procedures', component: MeetingsToAnswer, order: 20, useCount: useMeetingsToAnswer }],
  homeCards: [{ id: 'meetings', component: MeetingsHomeCard, audience: 'member', order: 6, useCount: useMeetingsToAnswer }],
  meLinks: [
    { id: 'meetings', label: (m) => m.meetings.meLink, description: (m) => m.meetings.meLinkHint, to: '/meetings' },
    { id: 'calendar-feed', label: (m) => m.meetings.feedLink, description: (m) => m.meetings.feedLinkHint, to: '/me/calendar' },
  ],
  background: [MaterialsKeeper],
  messages: { ja: { meetings: meetingsJa }, en: { meetings: meetingsEn } },
});
