import { defineModule } from '../../lib/feature-module.ts';
import { formsCollection, submissionsCollection } from './collections.ts';
import { formRoute } from './form-route.tsx';
import { FormsLink } from './FormsLink.tsx';
import { formsRoute } from './forms-route.tsx';
import { formsEn, formsJa } from './messages.ts';
import { submissionRoute } from './submission-route.tsx';

/** Surveys and applications, the member's side: filling in, sending (also offline), my applications. */
export const formsModule = defineModule({
  name: 'forms',
  collections: [formsCollection, submissionsCollection],
  routes: [formsRoute, formRoute, submissionRoute],
  homeCards: [{ id: 'forms', component: FormsLink }],
  messages: { ja: { forms: formsJa }, en: { forms: formsEn } },
});
