import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { requireArea } from '../auth/index.ts';
import { memberRoute } from '../../routes/member.tsx';

// Loaded when first opened (and precached for offline use): officers' screens stay out of every member's first download.
const ApplicationDetailPage = lazyRouteComponent(() => import('./ApplicationDetailPage.tsx'), 'ApplicationDetailPage');

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
