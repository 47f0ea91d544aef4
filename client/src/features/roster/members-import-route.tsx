import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { requireArea } from '../auth/index.ts';
import { memberRoute } from '../../routes/member.tsx';

// Loaded when first opened (and precached for offline use): officers' screens stay out of every member's first download.
const ImportPage = lazyRouteComponent(() => import('./ImportPage.tsx'), 'ImportPage');

export const membersImportRoute = createRoute({
  getParentRoute: () => memberRoute,
  path: '/members/import',
  beforeLoad: requireArea('roster'),
  component: ImportPage,
});
