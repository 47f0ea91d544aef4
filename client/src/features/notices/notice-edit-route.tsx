import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { memberRoute } from '../../routes/member.tsx';

// Loaded when first opened (and precached for offline use): officers' screens stay out of every member's first download.
const NoticeEditPage = lazyRouteComponent(() => import('./NoticeEditorPage.tsx'), 'NoticeEditPage');

/** The author or an officer of the notice; the page checks on the device and the server decides. */
export const noticeEditRoute = createRoute({
  getParentRoute: () => memberRoute,
  path: '/notices/$noticeId/edit',
  component: function NoticeEditRoute() {
    const { noticeId } = noticeEditRoute.useParams();
    return <NoticeEditPage key={noticeId} noticeId={noticeId} />;
  },
});
