import { createRoute } from '@tanstack/react-router';
import { requireMember } from '../features/auth/index.ts';
import { rootRoute } from './root.tsx';

/** Pathless layout: everything under it needs a signed-in member. */
export const memberRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'member',
  beforeLoad: requireMember,
});
