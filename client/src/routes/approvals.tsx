import { createRoute } from '@tanstack/react-router';
import { requireArea } from '../features/auth/guards.ts';
import { ApprovalInboxPage } from '../features/forms-officer/ApprovalInboxPage.tsx';
import { memberRoute } from './member.tsx';

export const approvalsRoute = createRoute({
  getParentRoute: () => memberRoute,
  path: '/approvals',
  beforeLoad: requireArea('approvals'),
  component: ApprovalInboxPage,
});
