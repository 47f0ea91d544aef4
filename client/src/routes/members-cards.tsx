import { createRoute } from '@tanstack/react-router';
import { requireArea } from '../features/auth/guards.ts';
import { CardsPage } from '../features/cards/CardsPage.tsx';
import { memberRoute } from './member.tsx';

export const membersCardsRoute = createRoute({
  getParentRoute: () => memberRoute,
  path: '/members/cards',
  beforeLoad: requireArea('cards'),
  component: CardsPage,
});
