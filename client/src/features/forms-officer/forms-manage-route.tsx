import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { requireArea } from '../auth/index.ts';
import { memberRoute } from '../../routes/member.tsx';

// Loaded when first opened (and precached for offline use): officers' screens stay out of every member's first download.
const FormsManagePage = lazyRouteComponent(() => import('./FormsManagePage.tsx'), 'FormsManagePage');

export const formsManageRoute = createRoute({
  getParentRoute: () => memberRoute,
  path: '/forms/manage',
  beforeLoad: requireArea('forms'),
  component: FormsManagePage,
});
