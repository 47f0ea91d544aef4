import { defineModule } from '../../lib/feature-module.ts';
import { mayUse } from '../auth/index.ts';
import { kioskRegisterRoute } from './kiosk-register-route.tsx';
import { loadKiosk } from './kiosk-store.ts';
import { kioskRoute } from './kiosk-route.tsx';
import { kioskEn, kioskJa } from './messages.ts';

/** Shared kiosks: registering one (officers, not from a kiosk itself) and its PIN sign-in. */
export const kioskModule = defineModule({
  name: 'kiosk',
  routes: [kioskRoute, kioskRegisterRoute],
  // Whether this browser is a kiosk: asked once, early; route guards wait for the answer.
  start: () => void loadKiosk(),
  nav: [{ id: 'kiosk', label: (m) => m.nav.kiosk, to: '/kiosk/register', visible: (me) => mayUse(me, 'kiosk') && me?.session.kind !== 'kiosk', group: 'admin' }],
  messages: { ja: { kiosk: kioskJa }, en: { kiosk: kioskEn } },
});
