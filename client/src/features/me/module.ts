import { defineModule } from '../../lib/feature-module.ts';
import { meRoute } from './me-route.tsx';
import { credentialsEn, credentialsJa } from './credentials-messages.ts';
import { meEn, meJa } from './messages.ts';
import { PersonIcon } from '../../ui/icons.tsx';

/** The member's own page: profile, password and kiosk PIN, notifications, refused changes, signing out. */
export const meModule = defineModule({
  name: 'me',
  routes: [meRoute],
  // Language, display settings and installing the app live here too (the header keeps only the union's name and sync).
  tabs: [{ id: 'me', label: (m) => m.tabs.me, to: '/me', order: 90, icon: PersonIcon }],
  messages: { ja: { me: meJa, credentials: credentialsJa }, en: { me: meEn, credentials: credentialsEn } },
});
