import { defineModule } from '../../lib/feature-module.ts';
import { LibraryLinks } from './LibraryLinks.tsx';
import { searchEn, searchJa } from './messages.ts';
import { searchRoute } from './search-route.tsx';

/** Searching notices and documents (on the device, and the server's full text). */
export const searchModule = defineModule({
  name: 'search',
  routes: [searchRoute],
  homeCards: [{ id: 'library', component: LibraryLinks, order: 90 }],
  messages: { ja: { search: searchJa }, en: { search: searchEn } },
});
