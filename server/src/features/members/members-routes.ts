import type { FastifyInstance } from 'fastify';
import { listMembersQuerySchema, roles, updateMemberSchema, type ListMembersQuery, type Role, type UpdateMemberRequest } from '@kumiai/shared';
import { requireAuth } from '../../plugins/auth.ts';
import type { MembersService } from './members-service.ts';
import { idParams } from '../../lib/schemas.ts';

export function membersRoutes(app: FastifyInstance, deps: { members: MembersService }): void {
  const { members } = deps;

  app.get<{ Querystring: ListMembersQuery }>('/api/members', { config: { access: 'member' }, schema: { querystring: listMembersQuerySchema } }, async (request) =>
    members.list(requireAuth(request).actor, request.query),
  );

  app.get<{ Querystring: Omit<ListMembersQuery, 'after' | 'limit'> }>(
    '/api/members/export.csv',
    {
      config: { access: 'member' },
      schema: { querystring: { ...listMembersQuerySchema, properties: { unitId: listMembersQuerySchema.properties.unitId, status: listMembersQuerySchema.properties.status, q: listMembersQuerySchema.properties.q } } },
    },
    async (request, reply) =>
      reply
        .type('text/csv; charset=utf-8')
        .header('Content-Disposition', 'attachment; filename="members.csv"')
        .send(members.exportCsv(requireAuth(request).actor, request.query)),
  );

  app.get<{ Params: { id: string } }>('/api/members/:id', { config: { access: 'member' }, schema: { params: idParams } }, async (request) => ({
    member: members.get(requireAuth(request).actor, request.params.id),
  }));

  app.patch<{ Params: { id: string }; Body: UpdateMemberRequest }>(
    '/api/members/:id',
    { config: { access: 'member' }, schema: { params: idParams, body: updateMemberSchema } },
    async (request) => ({ member: members.update(requireAuth(request).actor, request.params.id, request.body) }),
  );

  app.post<{ Params: { id: string } }>('/api/members/:id/end-sessions', { config: { access: 'member' }, schema: { params: idParams } }, async (request) => ({
    ended: members.endSessions(requireAuth(request).actor, request.params.id),
  }));

  app.post<{ Body: { memberIds: string[] } }>(
    '/api/members/activation-codes',
    {
      config: { access: 'member' },
      schema: {
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['memberIds'],
          properties: { memberIds: { type: 'array', minItems: 1, maxItems: 1000, uniqueItems: true, items: { type: 'string', maxLength: 64 } } },
        },
      },
    },
    async (request) => ({ cards: members.issueCodes(requireAuth(request).actor, request.body.memberIds) }),
  );

  app.post<{ Body: { memberId: string; unitId: string; role: Role } }>(
    '/api/roles',
    {
      config: { access: 'member' },
      schema: {
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['memberId', 'unitId', 'role'],
          properties: { memberId: { type: 'string', maxLength: 64 }, unitId: { type: 'string', maxLength: 64 }, role: { type: 'string', enum: [...roles] } },
        },
      },
    },
    async (request, reply) => reply.status(201).send(members.grantRole(requireAuth(request).actor, request.body)),
  );

  app.delete<{ Params: { id: string } }>('/api/roles/:id', { config: { access: 'member' }, schema: { params: idParams } }, async (request) => {
    members.revokeRole(requireAuth(request).actor, request.params.id);
    return { ok: true };
  });

  app.patch<{ Body: { email?: string | null; phone?: string | null; preferredLanguage?: 'ja' | 'en' | null } }>(
    '/api/me',
    {
      config: { access: 'member' },
      schema: {
        body: {
          type: 'object',
          additionalProperties: false,
          minProperties: 1,
          properties: {
            email: { type: ['string', 'null'], maxLength: 254 },
            phone: { type: ['string', 'null'], maxLength: 40 },
            preferredLanguage: { type: ['string', 'null'], enum: ['ja', 'en', null] },
          },
        },
      },
    },
    async (request) => ({ member: members.updateOwnContact(requireAuth(request).actor, request.body) }),
  );
}
