import { createRoute } from '@tanstack/react-router';
import { HomePage } from '../features/home/HomePage.tsx';
import { rootRoute } from './root.tsx';

export const indexRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  component: HomePage,
});
