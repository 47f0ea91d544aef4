import { createRoute } from '@tanstack/react-router';
import { SettingsPage } from '../features/settings/SettingsPage.tsx';
import { rootRoute } from './root.tsx';

export const settingsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/settings',
  component: SettingsPage,
});
