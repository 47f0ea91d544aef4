import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { memberRoute } from '../../routes/member.tsx';

// Officers only, loaded when first opened (like the read-rate screen).
const UnreadListPage = lazyRouteComponent(() => import('./UnreadListPage.tsx'), 'UnreadListPage');

/** The printable list of a notice's unread members by workplace; the server decides who may see it (404 for others). */
export const noticeUnreadRoute = createRoute({
  getParentRoute: () => memberRoute,
  path: '/notices/$noticeId/unread',
  component: function NoticeUnreadRoute() {
    const { noticeId } = noticeUnreadRoute.useParams();
    return <UnreadListPage key={noticeId} noticeId={noticeId} />;
  },
});
