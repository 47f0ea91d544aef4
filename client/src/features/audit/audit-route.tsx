import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { requireArea } from '../auth/index.ts';
import { memberRoute } from '../../routes/member.tsx';

// Loaded when first opened (and precached for offline use): officers' screens stay out of every member's first download.
const AuditPage = lazyRouteComponent(() => import('./AuditPage.tsx'), 'AuditPage');

export const auditRoute = createRoute({
  getParentRoute: () => memberRoute,
  path: '/audit',
  beforeLoad: requireArea('audit'),
  component: AuditPage,
});
