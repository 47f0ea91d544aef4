import { createRoute } from '@tanstack/react-router';
import { ActivatePage } from './ActivatePage.tsx';
import { rootRoute } from '../../routes/root.tsx';

// The code travels in the URL fragment, read by the page; never a search param.
export const activateRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/activate',
  component: ActivatePage,
});
