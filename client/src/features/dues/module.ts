import { defineModule } from '../../lib/feature-module.ts';
import { mayUse } from '../auth/index.ts';
import { duesCollection } from './collections.ts';
import { duesEn, duesJa } from './messages.ts';
import { myDuesRoute } from './my-dues-route.tsx';
import { arrearsRoute, checkoffRoute, duesMembersRoute, duesRulesRoute, duesTotalsRoute } from './officer-routes.tsx';
import { duesOfficerEn, duesOfficerJa } from './officer-messages.ts';

/** Dues (組合費, issue 18): the member's own months on マイページ (offline), and the treasurers' screens (online). */
export const duesModule = defineModule({
  name: 'dues',
  collections: [duesCollection],
  routes: [myDuesRoute, duesTotalsRoute, checkoffRoute, arrearsRoute, duesRulesRoute, duesMembersRoute],
  nav: [
    { id: 'dues-totals', label: (m) => m.duesOfficer.menuTotals, to: '/dues/manage', visible: (me) => mayUse(me, 'dues'), group: 'accounting' },
    { id: 'dues-checkoff', label: (m) => m.duesOfficer.menuCheckoff, to: '/dues/checkoff', visible: (me) => mayUse(me, 'duesManage'), group: 'accounting' },
    { id: 'dues-members', label: (m) => m.duesOfficer.menuMembers, to: '/dues/members', visible: (me) => mayUse(me, 'dues'), group: 'accounting' },
    { id: 'dues-arrears', label: (m) => m.duesOfficer.menuArrears, to: '/dues/arrears', visible: (me) => mayUse(me, 'dues'), group: 'accounting' },
    { id: 'dues-rules', label: (m) => m.duesOfficer.menuRules, to: '/dues/rules', visible: (me) => mayUse(me, 'dues'), group: 'accounting' },
  ],
  meLinks: [{ id: 'dues', label: (m) => m.dues.meLink, description: (m) => m.dues.meLinkHint, to: '/dues' }],
  messages: { ja: { dues: duesJa, duesOfficer: duesOfficerJa }, en: { dues: duesEn, duesOfficer: duesOfficerEn } },
});
