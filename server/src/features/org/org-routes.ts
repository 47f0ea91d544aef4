import type { FastifyInstance } from 'fastify';
import { createUnitSchema, updateUnitSchema, type CreateUnitRequest, type UpdateUnitRequest } from '@kumiai/shared';
import { requireAuth } from '../../plugins/auth.ts';
import type { OrgService } from './org-service.ts';
import { idParams } from '../../lib/schemas.ts';

export function orgRoutes(app: FastifyInstance, deps: { org: OrgService }): void {
  app.get('/api/units', { config: { access: 'member' } }, async (request) => ({ units: deps.org.list(requireAuth(request).actor) }));

  app.post<{ Body: CreateUnitRequest }>('/api/units', { config: { access: 'member' }, schema: { body: createUnitSchema } }, async (request, reply) =>
    reply.status(201).send({ unit: deps.org.create(requireAuth(request).actor, request.body) }),
  );

  app.patch<{ Params: { id: string }; Body: UpdateUnitRequest }>(
    '/api/units/:id',
    { config: { access: 'member' }, schema: { params: idParams, body: updateUnitSchema } },
    async (request) => ({ unit: deps.org.update(requireAuth(request).actor, request.params.id, request.body) }),
  );

  app.post<{ Params: { id: string } }>('/api/units/:id/archive', { config: { access: 'member' }, schema: { params: idParams } }, async (request) => ({
    unit: deps.org.archive(requireAuth(request).actor, request.params.id),
  }));
}
