import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { requireArea } from '../features/auth/guards.ts';
import { memberRoute } from './member.tsx';

// Loaded when first opened (and precached for offline use): officers' screens stay out of every member's first download.
const ImportPage = lazyRouteComponent(() => import('../features/import/ImportPage.tsx'), 'ImportPage');

export const membersImportRoute = createRoute({
  getParentRoute: () => memberRoute,
  path: '/members/import',
  beforeLoad: requireArea('import'),
  component: ImportPage,
});
