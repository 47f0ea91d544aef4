import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { requireArea } from '../auth/index.ts';
import { memberRoute } from '../../routes/member.tsx';

// Loaded when first opened (and precached for offline use): officers' screens stay out of every member's first download.
const CardsPage = lazyRouteComponent(() => import('./CardsPage.tsx'), 'CardsPage');

export const membersCardsRoute = createRoute({
  getParentRoute: () => memberRoute,
  path: '/members/cards',
  beforeLoad: requireArea('cards'),
  component: CardsPage,
});
