import { createRoute } from '@tanstack/react-router';
import { requireArea } from '../features/auth/guards.ts';
import { ApplicationDetailPage } from '../features/forms-officer/ApplicationDetailPage.tsx';
import { memberRoute } from './member.tsx';

/** Approvers in scope; the server decides (404 for others). */
export const approvalRoute = createRoute({
  getParentRoute: () => memberRoute,
  path: '/approvals/$id',
  beforeLoad: requireArea('approvals'),
  component: function ApprovalRoute() {
    const { id } = approvalRoute.useParams();
    return <ApplicationDetailPage key={id} id={id} />;
  },
});
