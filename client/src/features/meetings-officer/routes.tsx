import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { requireMember } from '../auth/index.ts';
import { memberRoute } from '../../routes/member.tsx';

// Loaded when first opened: the officers' screens and the QR scanner stay out of every member's first download.
// Signed-in members only; the pages say who may run meetings (meeting.manage).
const MeetingsManagePage = lazyRouteComponent(() => import('./MeetingsManagePage.tsx'), 'MeetingsManagePage');
const MeetingEditPage = lazyRouteComponent(() => import('./MeetingEditPage.tsx'), 'MeetingEditPage');
const MeetingDetailPage = lazyRouteComponent(() => import('./MeetingDetailPage.tsx'), 'MeetingDetailPage');
const CheckinPage = lazyRouteComponent(() => import('./CheckinPage.tsx'), 'CheckinPage');

export const meetingsManageRoute = createRoute({ getParentRoute: () => memberRoute, path: '/meetings/manage', beforeLoad: requireMember, component: MeetingsManagePage });

export const meetingNewRoute = createRoute({
  getParentRoute: () => memberRoute,
  path: '/meetings/manage/new',
  beforeLoad: requireMember,
  component: function MeetingNewRoute() {
    return <MeetingEditPage meetingId={null} />;
  },
});

export const meetingManageRoute = createRoute({
  getParentRoute: () => memberRoute,
  path: '/meetings/manage/$meetingId',
  beforeLoad: requireMember,
  component: function MeetingManageRoute() {
    const { meetingId } = meetingManageRoute.useParams();
    return <MeetingDetailPage key={meetingId} meetingId={meetingId} />;
  },
});

export const meetingEditRoute = createRoute({
  getParentRoute: () => memberRoute,
  path: '/meetings/manage/$meetingId/edit',
  beforeLoad: requireMember,
  component: function MeetingEditRoute() {
    const { meetingId } = meetingEditRoute.useParams();
    return <MeetingEditPage key={meetingId} meetingId={meetingId} />;
  },
});

export const meetingCheckinRoute = createRoute({
  getParentRoute: () => memberRoute,
  path: '/meetings/manage/$meetingId/checkin',
  beforeLoad: requireMember,
  component: function MeetingCheckinRoute() {
    const { meetingId } = meetingCheckinRoute.useParams();
    return <CheckinPage key={meetingId} meetingId={meetingId} />;
  },
});
