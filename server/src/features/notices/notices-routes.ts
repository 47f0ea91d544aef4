import type { FastifyInstance } from 'fastify';
import { noticeInputSchema, type NoticeInput } from '@kumiai/shared';
import { requireAuth } from '../../plugins/auth.ts';
import type { NoticesService } from './notices-service.ts';
import { idParams } from '../../lib/schemas.ts';

/** Publishing and read rates; members read notices and record reads through sync. */
export function noticesRoutes(app: FastifyInstance, deps: { notices: NoticesService }): void {
  app.post<{ Body: NoticeInput }>('/api/notices', { config: { access: 'member' }, schema: { body: noticeInputSchema } }, async (request, reply) =>
    reply.status(201).send(deps.notices.create(requireAuth(request).actor, request.body)),
  );
  app.put<{ Params: { id: string }; Body: NoticeInput }>(
    '/api/notices/:id',
    { config: { access: 'member' }, schema: { params: idParams, body: noticeInputSchema } },
    async (request) => deps.notices.update(requireAuth(request).actor, request.params.id, request.body),
  );
  app.get<{ Params: { id: string } }>('/api/notices/:id/history', { config: { access: 'member' }, schema: { params: idParams } }, async (request) => ({
    versions: deps.notices.history(requireAuth(request).actor, request.params.id),
  }));
  app.get<{ Params: { id: string } }>('/api/notices/:id/read-rate', { config: { access: 'member' }, schema: { params: idParams } }, async (request) =>
    deps.notices.readRate(requireAuth(request).actor, request.params.id),
  );
  app.get<{ Params: { id: string } }>('/api/notices/:id/unread-by-unit', { config: { access: 'member' }, schema: { params: idParams } }, async (request) =>
    deps.notices.unreadByUnit(requireAuth(request).actor, request.params.id),
  );
  app.get('/api/me/notice-reminders', { config: { access: 'member' } }, async (request) => ({ reminders: deps.notices.remindersFor(requireAuth(request).actor) }));
}
