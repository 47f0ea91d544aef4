import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { requireArea } from '../features/auth/guards.ts';
import { memberRoute } from './member.tsx';

// Loaded when first opened (and precached for offline use): officers' screens stay out of every member's first download.
const FormsManagePage = lazyRouteComponent(() => import('../features/forms-officer/FormsManagePage.tsx'), 'FormsManagePage');

export const formsManageRoute = createRoute({
  getParentRoute: () => memberRoute,
  path: '/forms/manage',
  beforeLoad: requireArea('forms'),
  component: FormsManagePage,
});
