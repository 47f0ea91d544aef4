import { defineModule } from '../../lib/feature-module.ts';
import { uploadsModule } from '../uploads/index.ts';
import { searchRoutes } from './search-routes.ts';
import { SearchService } from './search-service.ts';

/** Full-text search over what a member may read, PDF attachments included. */
export const searchModule = defineModule({
  name: 'search',
  dependsOn: [uploadsModule],
  services: ({ db, clock, config }, { uploads }) => ({ search: new SearchService(db, clock, uploads, config.pdf) }),
  hooks: (app, { search }) => {
    // The text of a PDF is extracted once a notice or a document attaches it (never for a file only uploaded),
    // in a worker thread, one at a time (a search also waits for it, briefly); leftovers at start.
    const extract = () => void search.extractPending().catch((e: unknown) => app.log.warn({ err: e }, 'PDF text extraction failed'));
    app.addHook('onResponse', async (request, reply) => {
      const path = request.routeOptions.url ?? '';
      if (request.method !== 'GET' && reply.statusCode < 300 && (path.startsWith('/api/notices') || path.startsWith('/api/documents'))) extract();
    });
    app.addHook('onReady', async () => extract());
  },
  routes: (app, services) => searchRoutes(app, services),
  pushKinds: [],
  auditActions: [],
});
