import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { requireArea } from '../auth/index.ts';
import { memberRoute } from '../../routes/member.tsx';

// Loaded when first opened (and precached for offline use): officers' screens stay out of every member's first download.
const ApprovalInboxPage = lazyRouteComponent(() => import('./ApprovalInboxPage.tsx'), 'ApprovalInboxPage');

export const approvalsRoute = createRoute({
  getParentRoute: () => memberRoute,
  path: '/approvals',
  beforeLoad: requireArea('approvals'),
  component: ApprovalInboxPage,
});
