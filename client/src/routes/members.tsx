import { createRoute } from '@tanstack/react-router';
import { requireArea } from '../features/auth/guards.ts';
import { MembersPage } from '../features/members/MembersPage.tsx';
import { memberRoute } from './member.tsx';

export const membersRoute = createRoute({
  getParentRoute: () => memberRoute,
  path: '/members',
  beforeLoad: requireArea('members'),
  component: MembersPage,
});
