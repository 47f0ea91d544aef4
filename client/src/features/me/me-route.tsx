import { createRoute } from '@tanstack/react-router';
import { MePage } from './MePage.tsx';
import { memberRoute } from '../../routes/member.tsx';

export const meRoute = createRoute({
  getParentRoute: () => memberRoute,
  path: '/me',
  component: MePage,
});
