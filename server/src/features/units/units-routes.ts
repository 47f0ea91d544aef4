import type { FastifyInstance } from 'fastify';
import { createUnitSchema, updateUnitSchema, type CreateUnitRequest, type UpdateUnitRequest } from '@kumiai/shared';
import { requireAuth } from '../../plugins/auth.ts';
import type { UnitsService } from './units-service.ts';
import { idParams } from '../../lib/schemas.ts';

export function unitsRoutes(app: FastifyInstance, deps: { units: UnitsService }): void {
  app.get('/api/units', { config: { access: 'member' } }, async (request) => ({ units: deps.units.list(requireAuth(request).actor) }));

  app.post<{ Body: CreateUnitRequest }>('/api/units', { config: { access: 'member' }, schema: { body: createUnitSchema } }, async (request, reply) =>
    reply.status(201).send({ unit: deps.units.create(requireAuth(request).actor, request.body) }),
  );

  app.patch<{ Params: { id: string }; Body: UpdateUnitRequest }>(
    '/api/units/:id',
    { config: { access: 'member' }, schema: { params: idParams, body: updateUnitSchema } },
    async (request) => ({ unit: deps.units.update(requireAuth(request).actor, request.params.id, request.body) }),
  );

  app.post<{ Params: { id: string } }>('/api/units/:id/archive', { config: { access: 'member' }, schema: { params: idParams } }, async (request) => ({
    unit: deps.units.archive(requireAuth(request).actor, request.params.id),
  }));
}
