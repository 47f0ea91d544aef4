import { defineModule } from '../../lib/feature-module.ts';
import { mayUse } from '../auth/index.ts';
import { consultationsCollection } from './collections.ts';
import { consultationNewRoute } from './consultation-new-route.tsx';
import { consultationRoute } from './consultation-route.tsx';
import { consultationsRoute } from './consultations-route.tsx';
import { AssignedConsultationsCard, ConsultationRepliesCard, useConsultationReplies } from './HomeCards.tsx';
import { ConsultationSender } from './ConsultationSender.tsx';
import { consultationsEn, consultationsJa } from './messages.ts';
import { consultationsOfficerEn, consultationsOfficerJa } from './officer-messages.ts';
import { consultationAssignedRoute, consultationCountsRoute, consultationDeskRoute } from './officer-routes.tsx';

/** Consultations (相談窓口, issue 21): a member's cases (offline too), the desks' assignment, the assigned officers' conversation, the counts. */
export const consultationsModule = defineModule({
  name: 'consultations',
  collections: [consultationsCollection],
  routes: [consultationsRoute, consultationNewRoute, consultationDeskRoute, consultationAssignedRoute, consultationCountsRoute, consultationRoute],
  nav: [
    { id: 'consultations-desk', label: (m) => m.consultationsOfficer.menuDesk, to: '/consultations/desk', visible: (me) => mayUse(me, 'consultationDesk'), group: 'procedures' },
    { id: 'consultations-assigned', label: (m) => m.consultationsOfficer.menuAssigned, to: '/consultations/assigned', visible: (me) => mayUse(me, 'consultationCases'), group: 'procedures' },
    { id: 'consultations-counts', label: (m) => m.consultationsOfficer.menuCounts, to: '/consultations/counts', visible: (me) => mayUse(me, 'consultationStats'), group: 'procedures' },
  ],
  homeCards: [
    { id: 'consultations', component: ConsultationRepliesCard, audience: 'member', order: 7, useCount: useConsultationReplies },
    { id: 'consultations-assigned', component: AssignedConsultationsCard, audience: 'officer', order: 15, visible: (me) => mayUse(me, 'consultationCases') },
  ],
  meLinks: [{ id: 'consultations', label: (m) => m.consultations.meLink, description: (m) => m.consultations.meLinkHint, to: '/consultations' }],
  background: [ConsultationSender],
  messages: {
    ja: { consultations: consultationsJa, consultationsOfficer: consultationsOfficerJa },
    en: { consultations: consultationsEn, consultationsOfficer: consultationsOfficerEn },
  },
});
