import { createRoute } from '@tanstack/react-router';
import { requireArea } from '../features/auth/guards.ts';
import { UnitsPage } from '../features/units/UnitsPage.tsx';
import { memberRoute } from './member.tsx';

export const unitsRoute = createRoute({
  getParentRoute: () => memberRoute,
  path: '/units',
  beforeLoad: requireArea('units'),
  component: UnitsPage,
});
