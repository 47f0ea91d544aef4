import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { requireArea } from '../features/auth/guards.ts';
import { memberRoute } from './member.tsx';

// Loaded when first opened (and precached for offline use): officers' screens stay out of every member's first download.
const CardsPage = lazyRouteComponent(() => import('../features/cards/CardsPage.tsx'), 'CardsPage');

export const membersCardsRoute = createRoute({
  getParentRoute: () => memberRoute,
  path: '/members/cards',
  beforeLoad: requireArea('cards'),
  component: CardsPage,
});
