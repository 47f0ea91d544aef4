import { defineModule } from '../../lib/feature-module.ts';
import { mayUse } from '../auth/index.ts';
import { unitsCollection } from './collections.ts';
import { unitsEn, unitsJa } from './messages.ts';
import { unitsRoute } from './units-route.tsx';

/** The union's organisation (branches, workplaces). The `units` collection is the server's. */
export const unitsModule = defineModule({
  name: 'units',
  collections: [unitsCollection],
  routes: [unitsRoute],
  nav: [{ id: 'units', label: (m) => m.nav.units, to: '/units', visible: (me) => mayUse(me, 'units'), group: 'roster' }],
  messages: { ja: { units: unitsJa }, en: { units: unitsEn } },
});
