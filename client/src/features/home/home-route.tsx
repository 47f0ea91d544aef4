import { createRoute, redirect } from '@tanstack/react-router';
import { currentMe } from '../auth/index.ts';
import { HomePage } from './HomePage.tsx';
import { currentKiosk } from '../kiosk/index.ts';
import { rootRoute } from '../../routes/root.tsx';

export const homeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  // A kiosk with nobody signed in shows its sign-in screen, never an empty home.
  beforeLoad: async () => {
    const [kiosk, me] = await Promise.all([currentKiosk(), currentMe()]);
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- TanStack Router's redirect is thrown by design.
    if (kiosk && !me) throw redirect({ to: '/kiosk' });
  },
  component: HomePage,
});
