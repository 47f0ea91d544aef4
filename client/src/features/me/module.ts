import { defineModule } from '../../lib/feature-module.ts';
import { meRoute } from './me-route.tsx';
import { credentialsEn, credentialsJa } from './credentials-messages.ts';
import { meEn, meJa } from './messages.ts';

/** The member's own page: profile, password and kiosk PIN, notifications, refused changes, signing out. */
export const meModule = defineModule({
  name: 'me',
  routes: [meRoute],
  messages: { ja: { me: meJa, credentials: credentialsJa }, en: { me: meEn, credentials: credentialsEn } },
});
