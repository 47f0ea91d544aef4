import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { requireArea } from '../features/auth/guards.ts';
import { memberRoute } from './member.tsx';

// Loaded when first opened (and precached for offline use): officers' screens stay out of every member's first download.
const AuditPage = lazyRouteComponent(() => import('../features/audit/AuditPage.tsx'), 'AuditPage');

export const auditRoute = createRoute({
  getParentRoute: () => memberRoute,
  path: '/audit',
  beforeLoad: requireArea('audit'),
  component: AuditPage,
});
