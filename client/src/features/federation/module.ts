import { defineModule } from '../../lib/feature-module.ts';
import { mayManageFederation } from './access.ts';
import { federationEn, federationJa } from './messages.ts';
import { federationRoute, federationUnionsRoute } from './routes.tsx';

/**
 * The link with a federation (上部団体連携, issue 20), administrators' screens: a union links to its federation,
 * releases what arrives to its members and reports agreed figures; a federation invites its unions and publishes.
 * Members see a released notice "from <federation>" in the notices feature. Online only.
 */
export const federationModule = defineModule({
  name: 'federation',
  routes: [federationRoute, federationUnionsRoute],
  nav: [
    { id: 'federation', label: (m) => m.federation.menu, to: '/federation', visible: mayManageFederation, group: 'admin' },
    { id: 'federation-unions', label: (m) => m.federation.menuUnions, to: '/federation/unions', visible: mayManageFederation, group: 'admin' },
  ],
  messages: { ja: { federation: federationJa }, en: { federation: federationEn } },
});
