import { defineModule } from '../../lib/feature-module.ts';
import { homeRoute } from './home-route.tsx';
import { homeEn, homeJa } from './messages.ts';
import { HomeIcon } from '../../ui/icons.tsx';

/** The home page: the cards and the officer menu the other modules declare. */
export const homeModule = defineModule({
  name: 'home',
  routes: [homeRoute],
  tabs: [{ id: 'home', label: (m) => m.tabs.home, to: '/', order: 10, icon: HomeIcon }],
  messages: { ja: { home: homeJa }, en: { home: homeEn } },
});
