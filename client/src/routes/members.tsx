import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { requireArea } from '../features/auth/guards.ts';
import { memberRoute } from './member.tsx';

// Loaded when first opened (and precached for offline use): officers' screens stay out of every member's first download.
const MembersPage = lazyRouteComponent(() => import('../features/members/MembersPage.tsx'), 'MembersPage');

export const membersRoute = createRoute({
  getParentRoute: () => memberRoute,
  path: '/members',
  beforeLoad: requireArea('members'),
  component: MembersPage,
});
