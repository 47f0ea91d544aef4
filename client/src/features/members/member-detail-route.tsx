import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { requireArea } from '../auth/index.ts';
import { memberRoute } from '../../routes/member.tsx';

// Loaded when first opened (and precached for offline use): officers' screens stay out of every member's first download.
const MemberDetailPage = lazyRouteComponent(() => import('./MemberDetailPage.tsx'), 'MemberDetailPage');

export const memberDetailRoute = createRoute({
  getParentRoute: () => memberRoute,
  path: '/members/$memberId',
  beforeLoad: requireArea('members'),
  component: function MemberDetailRoute() {
    const { memberId } = memberDetailRoute.useParams();
    return <MemberDetailPage key={memberId} memberId={memberId} />;
  },
});
