import { defineModule } from '../../lib/feature-module.ts';
import { formsCollection, submissionsCollection } from './collections.ts';
import { formRoute } from './form-route.tsx';
import { ClipboardIcon } from '../../ui/icons.tsx';
import { format } from '../../i18n/format.ts';
import { FormsHomeCard } from './FormsHomeCard.tsx';
import { formsHomeEn, formsHomeJa } from './home-messages.ts';
import { useAskedCount, useWaitingCount } from './use-asked-of-me.ts';
import { formsRoute } from './forms-route.tsx';
import { formsEn, formsJa } from './messages.ts';
import { submissionRoute } from './submission-route.tsx';

/** Surveys and applications, the member's side: filling in, sending (also offline), my applications. */
export const formsModule = defineModule({
  name: 'forms',
  collections: [formsCollection, submissionsCollection],
  routes: [formsRoute, formRoute, submissionRoute],
  // The 手続き tab: surveys, applications (and later votes); its badge counts surveys to answer and applications sent back.
  tabs: [{ id: 'procedures', label: (m) => m.tabs.procedures, to: '/forms', order: 30, icon: ClipboardIcon, useBadge: useWaitingCount, badgeLabel: (m, n) => format(m.tabs.waiting, { n }) }],
  homeCards: [{ id: 'forms', component: FormsHomeCard, order: 20, useCount: useAskedCount }],
  messages: { ja: { forms: formsJa, formsHome: formsHomeJa }, en: { forms: formsEn, formsHome: formsHomeEn } },
});
