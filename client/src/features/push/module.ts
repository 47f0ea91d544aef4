import { defineModule } from '../../lib/feature-module.ts';
import { pushEn, pushJa } from './messages.ts';

/** Web Push: the member's opt-in (on the me page) and the officers' reminders (its public face, index.ts). */
export const pushModule = defineModule({
  name: 'push',
  messages: { ja: { push: pushJa }, en: { push: pushEn } },
});
