import type { FastifyInstance } from 'fastify';
import { AppError, notFound } from '../../lib/errors.ts';
import { requireAuth } from '../../plugins/auth.ts';
import { fileNameFor, type FileAccessDeps } from './file-access.ts';

/**
 * POST /api/uploads?name=… (the raw file as the body) and GET /api/files/:hash.
 * A file is served only to those file-access.ts names (its uploader, readers
 * of what references it); anyone else gets the same 404 as for a file that
 * does not exist. Files are served with nosniff and a sandboxing CSP, so an
 * uploaded PDF or image can never run script in our origin.
 */
export function uploadsRoutes(parent: FastifyInstance, deps: FileAccessDeps & { maxBytes: number }): void {
  void parent.register(async (app) => {
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: deps.maxBytes + 1024 }, (_request, body, done) => done(null, body));

    app.post<{ Querystring: { name: string }; Body: Buffer }>(
      '/api/uploads',
      {
        // A signed-in browser sends the file as its bytes (plugins/csrf.ts refuses form types).
        config: { access: 'member', bodyTypes: ['application/octet-stream', 'application/pdf', 'image/*'] },
        bodyLimit: deps.maxBytes + 1024,
        schema: { querystring: { type: 'object', additionalProperties: false, required: ['name'], properties: { name: { type: 'string', minLength: 1, maxLength: 200 } } } },
      },
      async (request, reply) => {
        if (!Buffer.isBuffer(request.body) || request.body.length === 0) throw new AppError('bad_request', 400, 'Send the file as the request body');
        return reply.status(201).send(deps.uploads.store(requireAuth(request).actor, request.query.name, request.body));
      },
    );

    app.get<{ Params: { hash: string } }>(
      '/api/files/:hash',
      { config: { access: 'member' }, schema: { params: { type: 'object', required: ['hash'], properties: { hash: { type: 'string', pattern: '^[0-9a-f]{64}$' } } } } },
      async (request, reply) => {
        const { actor } = requireAuth(request);
        const { hash } = request.params;
        const name = fileNameFor(deps, actor, hash);
        if (name === null) throw notFound();
        const file = deps.uploads.read(hash);
        return reply
          .type(file.type)
          .header('Content-Security-Policy', "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'")
          .header('X-Content-Type-Options', 'nosniff')
          .header('Content-Disposition', `inline; filename*=UTF-8''${encodeURIComponent(name)}`)
          .send(file.body);
      },
    );
  });
}
