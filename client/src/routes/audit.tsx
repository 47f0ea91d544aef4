import { createRoute } from '@tanstack/react-router';
import { requireArea } from '../features/auth/guards.ts';
import { AuditPage } from '../features/audit/AuditPage.tsx';
import { memberRoute } from './member.tsx';

export const auditRoute = createRoute({
  getParentRoute: () => memberRoute,
  path: '/audit',
  beforeLoad: requireArea('audit'),
  component: AuditPage,
});
