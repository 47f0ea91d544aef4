import { defineModule } from '../../lib/feature-module.ts';
import { documentsCollection } from './collections.ts';
import { documentNewRoute } from './document-new-route.tsx';
import { documentRoute } from './document-route.tsx';
import { documentsRoute } from './documents-route.tsx';
import { documentsEn, documentsJa } from './messages.ts';
import { FolderIcon } from '../../ui/icons.tsx';

/** The union's documents (folders, versions). The `documents` collection is the server's. */
export const documentsModule = defineModule({
  name: 'documents',
  collections: [documentsCollection],
  routes: [documentsRoute, documentNewRoute, documentRoute],
  tabs: [{ id: 'documents', label: (m) => m.tabs.documents, to: '/documents', order: 40, icon: FolderIcon }],
  messages: { ja: { documents: documentsJa }, en: { documents: documentsEn } },
});
