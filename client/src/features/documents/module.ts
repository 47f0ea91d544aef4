import { defineModule } from '../../lib/feature-module.ts';
import { documentsCollection } from './collections.ts';
import { documentNewRoute } from './document-new-route.tsx';
import { documentRoute } from './document-route.tsx';
import { documentsRoute } from './documents-route.tsx';
import { documentsEn, documentsJa } from './messages.ts';

/** The union's documents (folders, versions). The `documents` collection is the server's. */
export const documentsModule = defineModule({
  name: 'documents',
  collections: [documentsCollection],
  routes: [documentsRoute, documentNewRoute, documentRoute],
  messages: { ja: { documents: documentsJa }, en: { documents: documentsEn } },
});
