import { defineModule } from '../../lib/feature-module.ts';
import { homeRoute } from './home-route.tsx';
import { homeEn, homeJa } from './messages.ts';

/** The home page: the cards and the officer menu the other modules declare. */
export const homeModule = defineModule({
  name: 'home',
  routes: [homeRoute],
  messages: { ja: { home: homeJa }, en: { home: homeEn } },
});
