import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { requireArea } from '../features/auth/guards.ts';
import { memberRoute } from './member.tsx';

// Loaded when first opened (and precached for offline use): officers' screens stay out of every member's first download.
const KioskRegisterPage = lazyRouteComponent(() => import('../features/kiosk/KioskRegisterPage.tsx'), 'KioskRegisterPage');

export const kioskRegisterRoute = createRoute({
  getParentRoute: () => memberRoute,
  path: '/kiosk/register',
  beforeLoad: requireArea('kiosk'),
  component: KioskRegisterPage,
});
