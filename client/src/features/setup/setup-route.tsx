import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from '../../routes/root.tsx';

// Loaded when first opened (and precached for offline use): officers' screens stay out of every member's first download.
const SetupPage = lazyRouteComponent(() => import('./SetupPage.tsx'), 'SetupPage');

// The setup token travels in the URL fragment, read by the page; never a search param.
export const setupRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/setup',
  component: SetupPage,
});
