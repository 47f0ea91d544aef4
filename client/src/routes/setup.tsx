import { createRoute } from '@tanstack/react-router';
import { SetupPage } from '../features/setup/SetupPage.tsx';
import { rootRoute } from './root.tsx';

// The setup token travels in the URL fragment, read by the page; never a search param.
export const setupRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/setup',
  component: SetupPage,
});
