import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../lib/errors.ts';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF defence for cookie-authenticated state changes: the browser's Origin
 * header must name this server. Browsers always send Origin on cross-site
 * POSTs, so a foreign or missing Origin on a request that carries cookies is refused.
 * Bearer-token clients carry no cookie and are not exposed to CSRF.
 */
export const csrfPlugin = fp(async (app: FastifyInstance, opts: { publicUrl: string }) => {
  const publicOrigin = new URL(opts.publicUrl).origin;
  app.addHook('onRequest', async (request) => {
    if (SAFE.has(request.method) || !request.url.startsWith('/api/')) return;
    const origin = request.headers.origin;
    const ownOrigin = `${request.protocol}://${request.host}`;
    if (origin !== undefined && origin !== 'null') {
      if (origin === publicOrigin || origin === ownOrigin) return;
      throw new AppError('csrf_rejected', 403, `Cross-origin request from ${origin} refused`);
    }
    if (request.headers.cookie) throw new AppError('csrf_rejected', 403, 'Request with cookies but no Origin refused');
  });
});
