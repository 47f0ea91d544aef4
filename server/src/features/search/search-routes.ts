import type { FastifyInstance } from 'fastify';
import { SEARCH_MAX_LIMIT, searchQueryProblem, searchQuerySchema, type SearchResult } from '@kumiai/shared';
import { AppError } from '../../lib/errors.ts';
import { requireAuth } from '../../plugins/auth.ts';
import type { SyncEngine } from '../../sync/engine.ts';
import type { SearchService } from './search-service.ts';

/** GET /api/search?q=&limit=&offset=: only what the member may read, a page at a time. */
export function searchRoutes(app: FastifyInstance, deps: { search: SearchService; sync: SyncEngine }): void {
  app.get<{ Querystring: { q: string; limit?: string; offset?: string } }>(
    '/api/search',
    { config: { access: 'member' }, schema: { querystring: searchQuerySchema } },
    async (request): Promise<SearchResult> => {
      const { actor } = requireAuth(request);
      const problem = searchQueryProblem(request.query.q);
      if (problem) throw new AppError(problem, 400, 'The search text has control characters');
      // PDFs uploaded before this search are searchable in it.
      await deps.search.extractPending();
      const limit = Math.min(SEARCH_MAX_LIMIT, Math.max(1, Number(request.query.limit ?? 20)));
      const offset = Number(request.query.offset ?? 0);
      return deps.search.search(request.query.q, (collection, id) => deps.sync.readable(actor, collection, id), { limit, offset });
    },
  );
}
