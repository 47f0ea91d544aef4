import { defineModule } from '../../lib/feature-module.ts';
import { activateRoute } from './activate-route.tsx';
import { activateEn, activateJa, authEn, authJa } from './messages.ts';
import { signInRoute } from './sign-in-route.tsx';

/** Signing in and activating an account; the session store, access helpers and route guards (its public face, index.ts). */
export const authModule = defineModule({
  name: 'auth',
  routes: [signInRoute, activateRoute],
  messages: { ja: { auth: authJa, activate: activateJa }, en: { auth: authEn, activate: activateEn } },
});
