import { createRoute } from '@tanstack/react-router';
import { KioskSignInPage } from '../features/kiosk/KioskSignInPage.tsx';
import { loadKiosk } from '../features/kiosk/kiosk-store.ts';
import { rootRoute } from './root.tsx';

export const kioskRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/kiosk',
  beforeLoad: async () => {
    await loadKiosk();
  },
  component: KioskSignInPage,
});
