import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { requireArea } from '../auth/index.ts';
import { memberRoute } from '../../routes/member.tsx';

// Loaded when first opened (and precached for offline use): officers' screens stay out of every member's first download.
const KioskRegisterPage = lazyRouteComponent(() => import('./KioskRegisterPage.tsx'), 'KioskRegisterPage');

export const kioskRegisterRoute = createRoute({
  getParentRoute: () => memberRoute,
  path: '/kiosk/register',
  beforeLoad: requireArea('kiosk'),
  component: KioskRegisterPage,
});
