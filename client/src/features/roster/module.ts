import { defineModule } from '../../lib/feature-module.ts';
import { mayUse } from '../auth/index.ts';
import { membersImportRoute } from './members-import-route.tsx';
import { importEn, importFieldsEn, importFieldsJa, importJa, importProblemsEn, importProblemsJa, importWarningsEn, importWarningsJa } from './messages.ts';

/** Importing the roster and the unit tree from a CSV file (a dry run, then apply). */
export const rosterModule = defineModule({
  name: 'roster',
  routes: [membersImportRoute],
  nav: [{ id: 'roster', label: (m) => m.nav.import, to: '/members/import', visible: (me) => mayUse(me, 'roster'), group: 'roster' }],
  messages: {
    ja: { import: importJa, importFields: importFieldsJa, importProblems: importProblemsJa, importWarnings: importWarningsJa },
    en: { import: importEn, importFields: importFieldsEn, importProblems: importProblemsEn, importWarnings: importWarningsEn },
  },
});
