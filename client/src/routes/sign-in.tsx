import { createRoute } from '@tanstack/react-router';
import { SignInPage } from '../features/auth/SignInPage.tsx';
import { rootRoute } from './root.tsx';

export const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  component: SignInPage,
});
