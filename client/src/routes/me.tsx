import { createRoute } from '@tanstack/react-router';
import { MePage } from '../features/me/MePage.tsx';
import { memberRoute } from './member.tsx';

export const meRoute = createRoute({
  getParentRoute: () => memberRoute,
  path: '/me',
  component: MePage,
});
