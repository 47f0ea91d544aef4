import type { Actor } from '@kumiai/shared';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { ActorRepo } from '../features/auth/actor-repo.ts';
import { SESSION_COOKIE, type SessionService } from '../features/auth/session-service.ts';
import type { Db } from '../db/database.ts';
import { AppError } from '../lib/errors.ts';

export interface Auth {
  actor: Actor;
  /** How the request authenticated; the token itself is never kept here. */
  via: 'session' | 'bearer';
  sessionKind: 'personal' | 'kiosk' | null;
  kioskId: string | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: Auth | null;
  }
}

/** The signed-in actor, or 401: for handlers of routes with `access: 'member'` or a permission. */
export function requireAuth(request: FastifyRequest): Auth {
  if (!request.auth) throw new AppError('unauthenticated', 401, 'Sign in first');
  return request.auth;
}

/**
 * Resolves the session cookie (browsers) or bearer token (API and sync
 * clients) to an actor before any route runs, and refuses routes that are not
 * declared public when there is none.
 */
export const authPlugin = fp(
  async (app: FastifyInstance, opts: { db: Db; sessions: SessionService; resolveBearer: (token: string) => string | null }) => {
    const actors = new ActorRepo(opts.db);
    app.decorateRequest('auth', null);
    app.addHook('preValidation', async (request) => {
      const access = request.routeOptions.config.access;
      const cookie = request.cookies[SESSION_COOKIE];
      const header = request.headers.authorization;
      if (cookie) {
        const session = opts.sessions.resolve(cookie);
        const actor = session ? actors.load(session.member_id) : null;
        if (session && actor && actor.status !== 'left') {
          request.auth = { actor, via: 'session', sessionKind: session.kind, kioskId: session.kiosk_id };
        }
      } else if (header?.startsWith('Bearer ')) {
        const memberId = opts.resolveBearer(header.slice('Bearer '.length).trim());
        const actor = memberId ? actors.load(memberId) : null;
        if (actor && actor.status !== 'left') request.auth = { actor, via: 'bearer', sessionKind: null, kioskId: null };
      }
      // Deny by default: an API route that forgot to declare its access needs a sign-in.
      const apiRoute = request.routeOptions.url?.startsWith('/api/') ?? false;
      if (apiRoute && access !== 'public' && !request.auth) throw new AppError('unauthenticated', 401, 'Sign in first');
    });
  },
);
