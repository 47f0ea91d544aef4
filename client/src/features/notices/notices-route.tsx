import { createRoute } from '@tanstack/react-router';
import { NoticesPage } from './NoticesPage.tsx';
import { memberRoute } from '../../routes/member.tsx';

export const noticesRoute = createRoute({
  getParentRoute: () => memberRoute,
  path: '/notices',
  component: NoticesPage,
});
