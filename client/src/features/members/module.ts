import { defineModule } from '../../lib/feature-module.ts';
import { mayUse } from '../auth/index.ts';
import { membersCollection } from './collections.ts';
import { memberDetailRoute } from './member-detail-route.tsx';
import { membersRoute } from './members-route.tsx';
import { membersEn, membersJa } from './messages.ts';
import { membersHomeEn, membersHomeJa } from './home-messages.ts';
import { NotActivatedCard } from './NotActivatedCard.tsx';

/** The roster (officers): the member list and a member's page. The `members` collection: members change only their own contact fields. */
export const membersModule = defineModule({
  name: 'members',
  collections: [membersCollection],
  routes: [membersRoute, memberDetailRoute],
  nav: [{ id: 'members', label: (m) => m.nav.members, to: '/members', visible: (me) => mayUse(me, 'members'), group: 'roster' }],
  homeCards: [{ id: 'not-activated', component: NotActivatedCard, audience: 'officer', order: 40, visible: (me) => mayUse(me, 'members') }],
  messages: { ja: { members: membersJa, membersHome: membersHomeJa }, en: { members: membersEn, membersHome: membersHomeEn } },
});
