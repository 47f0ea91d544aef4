import { defineModule } from '../../lib/feature-module.ts';
import { activateRoute } from './activate-route.tsx';
import { activateEn, activateJa, authEn, authJa, forbiddenEn, forbiddenJa } from './messages.ts';
import { refreshSession } from './session.ts';
import { watchOwedSignOut } from './sign-out-queue.ts';
import { signInRoute } from './sign-in-route.tsx';

/** Signing in and activating an account; the session store, access helpers and route guards (its public face, index.ts). */
export const authModule = defineModule({
  name: 'auth',
  routes: [signInRoute, activateRoute],
  start: () => {
    watchOwedSignOut();
    // Who is signed in: asked once, early; route guards wait for the answer.
    void refreshSession();
  },
  messages: { ja: { auth: authJa, activate: activateJa, forbidden: forbiddenJa }, en: { auth: authEn, activate: activateEn, forbidden: forbiddenEn } },
});
