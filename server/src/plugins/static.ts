import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { notFound } from '../lib/errors.ts';

const NEVER_CACHE = new Set(['index.html', 'sw.js', 'push-sw.js', 'manifest.webmanifest', 'registerSW.js']);

/**
 * Serves the built PWA. Vite puts content-hashed files under /assets, so those
 * are immutable for a year; the entry points (index.html, sw.js, the manifest)
 * must always be revalidated or an update would never reach installed apps.
 * App paths without a file extension fall back to index.html (client routing);
 * unknown /api/ paths answer JSON 404s.
 */
export const staticPlugin = fp(async (app: FastifyInstance, opts: { clientDir: string }) => {
  const indexFile = path.join(opts.clientDir, 'index.html');
  const built = fs.existsSync(indexFile);
  if (!built) app.log.warn({ clientDir: opts.clientDir }, 'client build not found: run `pnpm build`; serving API only');
  else {
    await app.register(fastifyStatic, {
      root: opts.clientDir,
      wildcard: false,
      index: false,
      cacheControl: false,
      etag: true,
      setHeaders(res, filePath) {
        const rel = path.relative(opts.clientDir, filePath).split(path.sep).join('/');
        if (rel.startsWith('assets/')) res.header('Cache-Control', 'public, max-age=31536000, immutable');
        else if (NEVER_CACHE.has(rel)) res.header('Cache-Control', 'no-cache, no-store, must-revalidate');
        else res.header('Cache-Control', 'public, max-age=3600');
      },
    });
  }

  app.setNotFoundHandler(async (request, reply) => {
    const pathname = request.url.split('?')[0] ?? '/';
    const isAppPath = (request.method === 'GET' || request.method === 'HEAD') && !pathname.startsWith('/api/') && !path.extname(pathname);
    if (built && isAppPath) {
      return reply.header('Cache-Control', 'no-cache, no-store, must-revalidate').type('text/html; charset=utf-8').sendFile('index.html');
    }
    throw notFound(`No route ${request.method} ${pathname}`);
  });
});
