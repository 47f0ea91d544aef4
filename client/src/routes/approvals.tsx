import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { requireArea } from '../features/auth/guards.ts';
import { memberRoute } from './member.tsx';

// Loaded when first opened (and precached for offline use): officers' screens stay out of every member's first download.
const ApprovalInboxPage = lazyRouteComponent(() => import('../features/forms-officer/ApprovalInboxPage.tsx'), 'ApprovalInboxPage');

export const approvalsRoute = createRoute({
  getParentRoute: () => memberRoute,
  path: '/approvals',
  beforeLoad: requireArea('approvals'),
  component: ApprovalInboxPage,
});
