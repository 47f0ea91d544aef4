import type { FastifyInstance } from 'fastify';
import { documentInputSchema, documentVersionInputSchema, folderInputSchema, type DocumentInput, type DocumentVersionInput, type FolderInput } from '@kumiai/shared';
import { requireAuth } from '../../plugins/auth.ts';
import type { DocumentsService } from './documents-service.ts';
import { idParams } from '../../lib/schemas.ts';

/** Publishing folders, documents and new versions; members read them through sync. */
export function documentsRoutes(app: FastifyInstance, deps: { documents: DocumentsService }): void {
  app.post<{ Body: FolderInput }>('/api/folders', { config: { access: 'member' }, schema: { body: folderInputSchema } }, async (request, reply) =>
    reply.status(201).send(deps.documents.createFolder(requireAuth(request).actor, request.body)),
  );
  app.post<{ Body: DocumentInput }>('/api/documents', { config: { access: 'member' }, schema: { body: documentInputSchema } }, async (request, reply) =>
    reply.status(201).send(deps.documents.create(requireAuth(request).actor, request.body)),
  );
  app.post<{ Params: { id: string }; Body: DocumentVersionInput }>(
    '/api/documents/:id/versions',
    { config: { access: 'member' }, schema: { params: idParams, body: documentVersionInputSchema } },
    async (request, reply) => reply.status(201).send(deps.documents.newVersion(requireAuth(request).actor, request.params.id, request.body)),
  );
}
