import { createRoute } from '@tanstack/react-router';
import { NoticePage } from './NoticePage.tsx';
import { memberRoute } from '../../routes/member.tsx';

export const noticeRoute = createRoute({
  getParentRoute: () => memberRoute,
  path: '/notices/$noticeId',
  component: function NoticeRoute() {
    const { noticeId } = noticeRoute.useParams();
    return <NoticePage key={noticeId} noticeId={noticeId} />;
  },
});
