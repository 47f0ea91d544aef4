import { createRoute } from '@tanstack/react-router';
import { requireArea } from '../features/auth/guards.ts';
import { MemberDetailPage } from '../features/members/MemberDetailPage.tsx';
import { memberRoute } from './member.tsx';

export const memberDetailRoute = createRoute({
  getParentRoute: () => memberRoute,
  path: '/members/$memberId',
  beforeLoad: requireArea('members'),
  component: function MemberDetailRoute() {
    const { memberId } = memberDetailRoute.useParams();
    return <MemberDetailPage key={memberId} memberId={memberId} />;
  },
});
