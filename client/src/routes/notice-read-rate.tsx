import { createRoute } from '@tanstack/react-router';
import { ReadRatePage } from '../features/notices/ReadRatePage.tsx';
import { memberRoute } from './member.tsx';

/** Authors and officers; the server decides (404 for others). */
export const noticeReadRateRoute = createRoute({
  getParentRoute: () => memberRoute,
  path: '/notices/$noticeId/read-rate',
  component: function NoticeReadRateRoute() {
    const { noticeId } = noticeReadRateRoute.useParams();
    return <ReadRatePage key={noticeId} noticeId={noticeId} />;
  },
});
