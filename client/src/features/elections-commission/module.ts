import { defineModule } from '../../lib/feature-module.ts';
import { isCommission } from './access.ts';
import { electionsCommissionEn, electionsCommissionJa } from './messages.ts';
import { electionEditRoute, electionManageRoute, electionNewRoute, electionsManageRoute, trusteeRoute } from './routes.tsx';

/** Elections, the commission's and trustees' side (issue 17): set up, roll, trustees' key shares, open, turnout, paper, tally, publish. Online only. */
export const electionsCommissionModule = defineModule({
  name: 'elections-commission',
  routes: [electionsManageRoute, electionNewRoute, electionManageRoute, electionEditRoute, trusteeRoute],
  nav: [{ id: 'elections-manage', label: (m) => m.electionsCommission.menu, to: '/elections/manage', visible: isCommission, group: 'admin' }],
  messages: { ja: { electionsCommission: electionsCommissionJa }, en: { electionsCommission: electionsCommissionEn } },
});
