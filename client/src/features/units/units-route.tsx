import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { requireArea } from '../auth/index.ts';
import { memberRoute } from '../../routes/member.tsx';

// Loaded when first opened (and precached for offline use): officers' screens stay out of every member's first download.
const UnitsPage = lazyRouteComponent(() => import('./UnitsPage.tsx'), 'UnitsPage');

export const unitsRoute = createRoute({
  getParentRoute: () => memberRoute,
  path: '/units',
  beforeLoad: requireArea('units'),
  component: UnitsPage,
});
