import type { FastifyInstance } from 'fastify';
import { requireAuth } from '../../plugins/auth.ts';
import type { CommentsService } from './comments-service.ts';

const params = {
  type: 'object',
  required: ['id', 'commentId'],
  properties: { id: { type: 'string', maxLength: 64 }, commentId: { type: 'string', maxLength: 160 } },
} as const;

/** Officers (and the notice's author) hide a comment; writing comments goes through sync. */
export function commentsRoutes(app: FastifyInstance, deps: { comments: CommentsService }): void {
  app.post<{ Params: { id: string; commentId: string } }>(
    '/api/notices/:id/comments/:commentId/hide',
    { config: { access: 'member' }, schema: { params } },
    async (request) => deps.comments.hide(requireAuth(request).actor, request.params.id, request.params.commentId),
  );
}
