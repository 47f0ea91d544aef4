import { createRoute } from '@tanstack/react-router';
import { SignInPage } from './SignInPage.tsx';
import { rootRoute } from '../../routes/root.tsx';

export const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  component: SignInPage,
});
