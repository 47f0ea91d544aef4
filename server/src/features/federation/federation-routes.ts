import type { FastifyInstance } from 'fastify';
import {
  federationItemInputSchema, linkConfirmInputSchema, linkPreviewInputSchema, linkRequestSchema, participationInputSchema, releaseInputSchema, sharingInputSchema,
  unionInviteInputSchema, type FederationItemInput, type LinkConfirmInput, type LinkPreviewInput, type LinkRequest, type ReleaseInput,
  type SharingInput, type UnionInviteInput,
} from '@kumiai/shared';
import { requireAuth } from '../../plugins/auth.ts';
import type { FederationHub } from './federation-hub.ts';
import type { FederationLink } from './federation-link.ts';

const idSchema = { type: 'string', minLength: 1, maxLength: 64 } as const;
const hashParams = { type: 'object', additionalProperties: false, required: ['hash'], properties: { hash: { type: 'string', pattern: '^[0-9a-f]{64}$' } } } as const;
const idParams = { type: 'object', additionalProperties: false, required: ['id'], properties: { id: idSchema } } as const;
const emptySchema = { type: 'object', additionalProperties: false, properties: {} } as const;
const statuses = ['pause', 'resume', 'revoke'] as const;
type Id = { Params: { id: string } };

/** The routes listed in shared/src/federation/api.ts. */
export function federationRoutes(app: FastifyInstance, deps: { federationHub: FederationHub; federationLink: FederationLink }): void {
  const { federationHub: hub, federationLink: link } = deps;
  const member = { config: { access: 'member' as const } };
  const open = { config: { access: 'public' as const } };
  const actor = (request: Parameters<typeof requireAuth>[0]) => requireAuth(request).actor;

  // Federation side.
  app.get('/api/federation/identity', open, async () => hub.identity());
  app.post<{ Body: UnionInviteInput }>('/api/federation/unions', { ...member, schema: { body: unionInviteInputSchema } }, async (request) => hub.invite(actor(request), request.body));
  app.get('/api/federation/unions', member, async (request) => hub.unions(actor(request)));
  for (const to of statuses) {
    app.post<Id>(`/api/federation/unions/:id/${to}`, { ...member, schema: { params: idParams, body: emptySchema } }, async (request) => hub.setStatus(actor(request), request.params.id, to));
  }
  app.post<{ Body: FederationItemInput }>('/api/federation/items', { ...member, schema: { body: federationItemInputSchema } }, async (request) => hub.publish(actor(request), request.body));
  app.get('/api/federation/items', member, async (request) => ({ items: hub.items(actor(request)) }));

  // Between servers. Linking: public, the exchange token is its credential, the answer signed. Everything after it
  // goes over the sync protocol (/api/sync) with the service token; an item's files here, with the same token.
  app.post<{ Body: LinkRequest }>('/api/federation/exchange/link', { ...open, schema: { body: linkRequestSchema } }, async (request) => hub.link(request.body));
  app.get<{ Params: { hash: string } }>('/api/federation/materials/:hash', { ...open, schema: { params: hashParams } }, async (request, reply) => {
    const header = request.headers.authorization ?? '';
    const file = hub.material(header.startsWith('Bearer ') ? header.slice(7).trim() : '', request.params.hash);
    return reply.type(file.type).header('cache-control', 'no-store').send(file.body);
  });

  // Union side.
  app.post<{ Body: LinkPreviewInput }>('/api/federation/link/preview', { ...member, schema: { body: linkPreviewInputSchema } }, async (request) => link.preview(actor(request), request.body));
  app.post<{ Body: LinkConfirmInput }>('/api/federation/link/confirm', { ...member, schema: { body: linkConfirmInputSchema } }, async (request) => link.confirm(actor(request), request.body));
  app.get('/api/federation/link', member, async (request) => link.state(actor(request)));
  for (const to of statuses) {
    app.post(`/api/federation/link/${to}`, { ...member, schema: { body: emptySchema } }, async (request) => link.setStatus(actor(request), to));
  }
  app.put<{ Body: SharingInput }>('/api/federation/link/sharing', { ...member, schema: { body: sharingInputSchema } }, async (request) => link.setSharing(actor(request), request.body));
  app.post('/api/federation/link/sync', { ...member, schema: { body: emptySchema } }, async (request) => {
    link.state(actor(request)); // federation.manage
    return link.sync();
  });
  app.get('/api/federation/inbox', member, async (request) => ({ items: link.inbox(actor(request)) }));
  app.post<Id & { Body: ReleaseInput }>('/api/federation/inbox/:id/release', { ...member, schema: { params: idParams, body: releaseInputSchema } }, async (request) =>
    link.release(actor(request), request.params.id, request.body.audience),
  );
  app.put<Id & { Body: { count: number | null } }>('/api/federation/inbox/:id/participation', { ...member, schema: { params: idParams, body: participationInputSchema } }, async (request) =>
    link.setParticipation(actor(request), request.params.id, request.body.count),
  );
  app.get('/api/federation/report/preview', member, async (request) => link.previewReport(actor(request)));
  app.post('/api/federation/report/send', { ...member, schema: { body: emptySchema } }, async (request) => link.queueReport(actor(request)));
  app.get('/api/federation/report/sent', member, async (request) => ({ reports: link.sent(actor(request)) }));
}
