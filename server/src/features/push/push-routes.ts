import type { FastifyInstance } from 'fastify';
import { pushSubscriptionSchema, pushUnsubscribeSchema, type PushSubscriptionInput } from '@kumiai/shared';
import { requireAuth } from '../../plugins/auth.ts';
import type { PushService } from './push-service.ts';
import { idParams } from '../../lib/schemas.ts';

/** Web Push: the server's public key, members' subscriptions, and reminders. */
export function pushRoutes(app: FastifyInstance, deps: { push: PushService }): void {
  // Not secret, but only members subscribe (the opt-in follows sign-in), and the public routes stay the sign-in ones.
  app.get('/api/push/key', { config: { access: 'member' } }, async () => ({ publicKey: deps.push.publicKey() }));
  app.post<{ Body: PushSubscriptionInput }>('/api/push/subscriptions', { config: { access: 'member' }, schema: { body: pushSubscriptionSchema } }, async (request, reply) => {
    deps.push.subscribe(requireAuth(request), request.body);
    return reply.status(204).send();
  });
  app.delete<{ Body: { endpoint: string } }>('/api/push/subscriptions', { config: { access: 'member' }, schema: { body: pushUnsubscribeSchema } }, async (request, reply) => {
    deps.push.unsubscribe(requireAuth(request).actor, request.body.endpoint);
    return reply.status(204).send();
  });
  app.post<{ Params: { id: string } }>('/api/notices/:id/remind', { config: { access: 'member' }, schema: { params: idParams } }, async (request) =>
    deps.push.remind(requireAuth(request).actor, request.params.id),
  );
}
