import { defineModule } from '../../lib/feature-module.ts';
import { mayUse } from '../auth/index.ts';
import { approvalRoute } from './approval-route.tsx';
import { approvalsRoute } from './approvals-route.tsx';
import { formEditRoute } from './form-edit-route.tsx';
import { formNewRoute } from './form-new-route.tsx';
import { formResultsRoute } from './form-results-route.tsx';
import { formsManageRoute } from './forms-manage-route.tsx';
import { formsOfficerEn, formsOfficerJa } from './messages.ts';
import { ApprovalsHomeCard } from './ApprovalsHomeCard.tsx';
import { ClosingSurveysCard } from './ClosingSurveysCard.tsx';
import { formsOfficerHomeEn, formsOfficerHomeJa } from './home-messages.ts';

/** Surveys and applications, the officers' side: the builder, results, the approval inbox (online only). */
export const formsOfficerModule = defineModule({
  name: 'forms-officer',
  routes: [formNewRoute, formsManageRoute, formEditRoute, formResultsRoute, approvalsRoute, approvalRoute],
  nav: [
    { id: 'forms', label: (m) => m.nav.forms, to: '/forms/manage', visible: (me) => mayUse(me, 'forms'), group: 'procedures' },
    { id: 'approvals', label: (m) => m.nav.approvals, to: '/approvals', visible: (me) => mayUse(me, 'approvals'), group: 'procedures' },
  ],
  homeCards: [
    { id: 'approvals', component: ApprovalsHomeCard, audience: 'officer', order: 10, visible: (me) => mayUse(me, 'approvals') },
    { id: 'closing-surveys', component: ClosingSurveysCard, audience: 'officer', order: 20, visible: (me) => mayUse(me, 'forms') },
  ],
  messages: { ja: { formsOfficer: formsOfficerJa, formsOfficerHome: formsOfficerHomeJa }, en: { formsOfficer: formsOfficerEn, formsOfficerHome: formsOfficerHomeEn } },
});
