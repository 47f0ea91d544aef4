import { defineModule } from '../../lib/feature-module.ts';
import { mayUse } from '../auth/index.ts';
import { membersCardsRoute } from './members-cards-route.tsx';
import { cardsEn, cardsJa } from './messages.ts';

/** Printing login cards (activation codes) for chosen members. */
export const cardsModule = defineModule({
  name: 'cards',
  routes: [membersCardsRoute],
  nav: [{ id: 'cards', label: (m) => m.nav.cards, to: '/members/cards', visible: (me) => mayUse(me, 'cards'), group: 'roster' }],
  messages: { ja: { cards: cardsJa }, en: { cards: cardsEn } },
});
