import { createRoute } from '@tanstack/react-router';
import { SettingsPage } from './SettingsPage.tsx';
import { rootRoute } from '../../routes/root.tsx';

export const settingsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/settings',
  component: SettingsPage,
});
