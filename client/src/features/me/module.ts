import { defineModule } from '../../lib/feature-module.ts';
import { meRoute } from './me-route.tsx';
import { meEn, meJa } from './messages.ts';

/** The member's own page: profile, notifications, refused changes, signing out. */
export const meModule = defineModule({
  name: 'me',
  routes: [meRoute],
  messages: { ja: { me: meJa }, en: { me: meEn } },
});
