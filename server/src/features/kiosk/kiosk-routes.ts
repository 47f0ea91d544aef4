import type { FastifyInstance } from 'fastify';
import { kioskSignInRequestSchema, type KioskSignInRequest } from '@kumiai/shared';
import { notFound } from '../../lib/errors.ts';
import { requireAuth } from '../../plugins/auth.ts';
import { clearSessionCookie, SESSION_COOKIE, type SessionService, setSessionCookie } from '../auth/index.ts';
import type { KioskService } from './kiosk-service.ts';

export const KIOSK_COOKIE = '__Host-kumiai_kiosk';
const YEAR_MS = 365 * 24 * 3600 * 1000;

export function kioskRoutes(app: FastifyInstance, deps: { kiosks: KioskService; sessions: SessionService }): void {
  app.post<{ Body: { unitId: string; name: string } }>(
    '/api/kiosks',
    {
      config: { access: 'member' },
      schema: {
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['unitId', 'name'],
          properties: { unitId: { type: 'string', maxLength: 64 }, name: { type: 'string', minLength: 1, maxLength: 100 } },
        },
      },
    },
    async (request, reply) => {
      const { actor } = requireAuth(request);
      const { kiosk, credential } = deps.kiosks.register(actor, request.body);
      reply.setCookie(KIOSK_COOKIE, credential, { path: '/', secure: true, httpOnly: true, sameSite: 'strict', expires: new Date(Date.now() + YEAR_MS) });
      // The tablet is now the workplace's: the officer who registered it is signed out of it.
      const own = request.cookies[SESSION_COOKIE];
      if (own) deps.sessions.revoke(own);
      clearSessionCookie(reply);
      return reply.status(201).send({ kiosk });
    },
  );

  app.get('/api/kiosk', { config: { access: 'public' } }, async (request) => {
    const kiosk = deps.kiosks.resolve(request.cookies[KIOSK_COOKIE]);
    if (!kiosk) throw notFound('This browser is not a kiosk');
    return { kiosk };
  });

  app.post<{ Body: KioskSignInRequest }>(
    '/api/kiosk/sign-in',
    { config: { access: 'public' }, schema: { body: kioskSignInRequestSchema } },
    async (request, reply) => {
      const old = request.cookies[SESSION_COOKIE];
      if (old) deps.sessions.revoke(old);
      const session = await deps.kiosks.signIn(request.cookies[KIOSK_COOKIE], request.body.employeeNumber, request.body.pin, request.ip);
      setSessionCookie(reply, session.token, session.expiresAt);
      return { ok: true };
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/api/kiosks/:id',
    { config: { access: 'member' }, schema: { params: { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 64 } } } } },
    async (request) => {
      deps.kiosks.revoke(requireAuth(request).actor, request.params.id);
      return { ok: true };
    },
  );
}
