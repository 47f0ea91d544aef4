import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../lib/errors.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Body types a cookie-authenticated write to this route may carry (default:
     * `application/json` only). Upload routes name their own; `image/*` matches
     * every image type. Never list the types an HTML form can send
     * (`text/plain`, `application/x-www-form-urlencoded`, `multipart/form-data`)
     * unless the route has another defence.
     */
    bodyTypes?: readonly string[];
  }
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
const JSON_ONLY: readonly string[] = ['application/json'];

/** The configured public origin is the only own origin: never one derived from a request header (Host can be forged). */
export function isOwnOrigin(origin: string | undefined, publicOrigin: string): boolean {
  return origin === publicOrigin;
}

function mediaType(request: FastifyRequest): string | null {
  const header = request.headers['content-type'];
  if (header === undefined) return null;
  return header.split(';')[0]!.trim().toLowerCase();
}

function typeAllowed(type: string, allowed: readonly string[]): boolean {
  return allowed.some((a) => (a.endsWith('/*') ? type.startsWith(a.slice(0, -1)) : type === a));
}

const hasBody = (request: FastifyRequest): boolean =>
  request.headers['transfer-encoding'] !== undefined || (request.headers['content-length'] !== undefined && request.headers['content-length'] !== '0');

/**
 * CSRF defence for state changes, on every unsafe method whatever the path
 * (the router decodes `/%61pi/…` to `/api/…`, so the raw URL decides nothing):
 * - an `Origin` other than `KUMIAI_PUBLIC_URL`'s is refused;
 * - a request that carries cookies must name that origin, and its body must be
 *   of a type an HTML form cannot send (JSON, or the route's declared upload types),
 *   so a `text/plain` form posted from a sibling site on another port is refused too.
 * Bearer-token clients carry no cookie and are not exposed to CSRF.
 */
export const csrfPlugin = fp(async (app: FastifyInstance, opts: { publicUrl: string }) => {
  const publicOrigin = new URL(opts.publicUrl).origin;
  app.addHook('onRequest', async (request) => {
    if (SAFE.has(request.method)) return;
    const origin = request.headers.origin;
    const withCookies = Boolean(request.headers.cookie);
    if (origin !== undefined && origin !== 'null' && !isOwnOrigin(origin, publicOrigin)) {
      throw new AppError('csrf_rejected', 403, `Cross-origin request from ${origin} refused`);
    }
    if (!withCookies) return;
    if (!isOwnOrigin(origin, publicOrigin)) throw new AppError('csrf_rejected', 403, 'Request with cookies but no Origin refused');
    const type = mediaType(request);
    const allowed = request.routeOptions.config?.bodyTypes ?? JSON_ONLY;
    if (type === null ? hasBody(request) : !typeAllowed(type, allowed)) {
      throw new AppError('csrf_rejected', 403, `A signed-in write must be sent as ${allowed.join(' or ')}${type ? `, not ${type}` : ''}`);
    }
  });
});
