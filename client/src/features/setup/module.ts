import { defineModule } from '../../lib/feature-module.ts';
import { setupEn, setupJa } from './messages.ts';
import { setupRoute } from './setup-route.tsx';

/** The union's first run: the setup link the server prints, and the first administrator. */
export const setupModule = defineModule({
  name: 'setup',
  routes: [setupRoute],
  messages: { ja: { setup: setupJa }, en: { setup: setupEn } },
});
