import type { FastifyInstance } from 'fastify';
import { setupRequestSchema, setupStatusSchema, type SetupRequest } from '@kumiai/shared';
import { type SessionService, startSession } from '../auth/index.ts';
import type { SetupService } from './setup-service.ts';

export function setupRoutes(app: FastifyInstance, deps: { setup: SetupService; sessions: SessionService }): void {
  // POST, not GET with the token in the URL: tokens stay out of access logs.
  app.post<{ Body: { token: string } }>(
    '/api/setup/status',
    {
      config: { access: 'public' },
      schema: {
        body: { type: 'object', required: ['token'], additionalProperties: false, properties: { token: { type: 'string', maxLength: 128 } } },
        response: { 200: setupStatusSchema },
      },
    },
    async (request) => ({ state: deps.setup.status(request.body.token) }),
  );

  app.post<{ Body: SetupRequest }>(
    '/api/setup',
    { config: { access: 'public' }, schema: { body: setupRequestSchema } },
    async (request, reply) => {
      const { memberId } = await deps.setup.complete(request.body);
      startSession(request, reply, deps.sessions, memberId);
      return reply.status(201).send({ ok: true });
    },
  );
}
