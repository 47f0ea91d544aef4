import { createRoute } from '@tanstack/react-router';
import { KioskSignInPage } from './KioskSignInPage.tsx';
import { loadKiosk } from './kiosk-store.ts';
import { rootRoute } from '../../routes/root.tsx';

export const kioskRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/kiosk',
  beforeLoad: async () => {
    await loadKiosk();
  },
  component: KioskSignInPage,
});
