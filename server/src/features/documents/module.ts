import { defineModule } from '../../lib/feature-module.ts';
import { authModule } from '../auth/index.ts';
import { uploadsModule } from '../uploads/index.ts';
import { DocumentsRepo } from './documents-repo.ts';
import { documentsRoutes } from './documents-routes.ts';
import { DocumentsService } from './documents-service.ts';
import { documentsCollection } from './documents-sync.ts';

/** The document library: folders with an audience, documents and their versions. */
export const documentsModule = defineModule({
  name: 'documents',
  dependsOn: [authModule, uploadsModule],
  services: ({ db, mutate }, { actors, uploads }) => ({ documents: new DocumentsService(new DocumentsRepo(db), actors, uploads, mutate) }),
  collections: () => [documentsCollection],
  routes: (app, services) => documentsRoutes(app, services),
  pushKinds: [],
  auditActions: ['folder.created', 'document.created', 'document.versioned'],
});
