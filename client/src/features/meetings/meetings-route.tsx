import { createRoute } from '@tanstack/react-router';
import { memberRoute } from '../../routes/member.tsx';
import { CalendarFeedPage } from './CalendarFeedPage.tsx';
import { MeetingPage } from './MeetingPage.tsx';
import { MeetingsPage } from './MeetingsPage.tsx';

// Part of every member's download (not lazy): the meeting page, its materials and the attendance QR must open offline on the day.
export const meetingsRoute = createRoute({
  getParentRoute: () => memberRoute,
  path: '/meetings',
  component: MeetingsPage,
});

export const meetingRoute = createRoute({
  getParentRoute: () => memberRoute,
  path: '/meetings/$meetingId',
  component: function MeetingRoute() {
    const { meetingId } = meetingRoute.useParams();
    return <MeetingPage key={meetingId} meetingId={meetingId} />;
  },
});

/** マイページ › カレンダー連携: the secret feed URL (online only: it is made on the server). */
export const calendarFeedRoute = createRoute({
  getParentRoute: () => memberRoute,
  path: '/me/calendar',
  component: CalendarFeedPage,
});
