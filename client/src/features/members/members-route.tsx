import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { requireArea } from '../auth/index.ts';
import { memberRoute } from '../../routes/member.tsx';

// Loaded when first opened (and precached for offline use): officers' screens stay out of every member's first download.
const MembersPage = lazyRouteComponent(() => import('./MembersPage.tsx'), 'MembersPage');

export const membersRoute = createRoute({
  getParentRoute: () => memberRoute,
  path: '/members',
  beforeLoad: requireArea('members'),
  component: MembersPage,
});
