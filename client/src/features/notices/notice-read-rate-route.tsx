import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { memberRoute } from '../../routes/member.tsx';

// Loaded when first opened (and precached for offline use): officers' screens stay out of every member's first download.
const ReadRatePage = lazyRouteComponent(() => import('./ReadRatePage.tsx'), 'ReadRatePage');

/** Authors and officers; the server decides (404 for others). */
export const noticeReadRateRoute = createRoute({
  getParentRoute: () => memberRoute,
  path: '/notices/$noticeId/read-rate',
  component: function NoticeReadRateRoute() {
    const { noticeId } = noticeReadRateRoute.useParams();
    return <ReadRatePage key={noticeId} noticeId={noticeId} />;
  },
});
