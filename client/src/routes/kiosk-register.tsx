import { createRoute } from '@tanstack/react-router';
import { requireArea } from '../features/auth/guards.ts';
import { KioskRegisterPage } from '../features/kiosk/KioskRegisterPage.tsx';
import { memberRoute } from './member.tsx';

export const kioskRegisterRoute = createRoute({
  getParentRoute: () => memberRoute,
  path: '/kiosk/register',
  beforeLoad: requireArea('kiosk'),
  component: KioskRegisterPage,
});
