import { createRoute } from '@tanstack/react-router';
import { NoticeEditPage } from '../features/notices/NoticeEditorPage.tsx';
import { memberRoute } from './member.tsx';

/** The author or an officer of the notice; the page checks on the device and the server decides. */
export const noticeEditRoute = createRoute({
  getParentRoute: () => memberRoute,
  path: '/notices/$noticeId/edit',
  component: function NoticeEditRoute() {
    const { noticeId } = noticeEditRoute.useParams();
    return <NoticeEditPage key={noticeId} noticeId={noticeId} />;
  },
});
