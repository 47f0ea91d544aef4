import type { FastifyInstance } from 'fastify';
import { requireAuth } from '../../plugins/auth.ts';
import type { DataRightsService } from './data-rights-service.ts';

/** `GET /api/members/:id/data-export`: everything held about one member, as a ZIP (issue 15). */
export function dataRightsRoutes(app: FastifyInstance, deps: { dataRights: DataRightsService }): void {
  app.get<{ Params: { id: string } }>(
    '/api/members/:id/data-export',
    {
      config: { access: 'member' },
      schema: { params: { type: 'object', required: ['id'], properties: { id: { type: 'string', minLength: 1, maxLength: 100 } } } },
    },
    async (request, reply) => {
      const { fileName, body } = deps.dataRights.export(requireAuth(request).actor, request.params.id);
      return reply
        .type('application/zip')
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .header('cache-control', 'no-store')
        .send(body);
    },
  );
}
