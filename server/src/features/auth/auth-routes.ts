import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  activateRequestSchema,
  signInRequestSchema,
  signOutRequestSchema,
  type ActivateRequest,
  type SignInRequest,
  type SignOutRequest,
} from '@kumiai/shared';
import type { Db } from '../../db/database.ts';
import { requireAuth } from '../../plugins/auth.ts';
import type { AuditService } from '../audit/index.ts';
import type { AuthService } from './auth-service.ts';
import { clearSessionCookie, setSessionCookie } from './cookies.ts';
import { loadMe } from './me-repo.ts';
import { PERSONAL_SESSION, SESSION_COOKIE, type SessionService } from './session-service.ts';

export interface AuthRouteDeps {
  db: Db;
  auth: AuthService;
  sessions: SessionService;
  audit: AuditService;
}

/** Starts a fresh session, ending the one the browser had: the token rotates at every sign-in. */
export function startSession(request: FastifyRequest, reply: FastifyReply, sessions: SessionService, memberId: string): void {
  const old = request.cookies[SESSION_COOKIE];
  if (old) sessions.revoke(old);
  const session = sessions.create(memberId, 'personal', PERSONAL_SESSION);
  setSessionCookie(reply, session.token, session.expiresAt);
}

export function authRoutes(app: FastifyInstance, deps: AuthRouteDeps): void {
  app.post<{ Body: SignInRequest }>(
    '/api/auth/sign-in',
    { config: { access: 'public' }, schema: { body: signInRequestSchema } },
    async (request, reply) => {
      const memberId = await deps.auth.verifyPassword(request.body.employeeNumber, request.body.password, request.ip);
      startSession(request, reply, deps.sessions, memberId);
      return { ok: true };
    },
  );

  app.post<{ Body: SignOutRequest }>(
    '/api/auth/sign-out',
    { config: { access: 'member' }, schema: { body: signOutRequestSchema } },
    async (request, reply) => {
      const auth = requireAuth(request);
      const token = request.cookies[SESSION_COOKIE];
      if (request.body?.everywhere) {
        deps.sessions.revokeAll(auth.actor.memberId);
        // Every device is signed out, so none of them should keep receiving this member's notifications.
        deps.db.prepare('DELETE FROM push_subscriptions WHERE member_id = ?').run(auth.actor.memberId);
      }
      else if (token) deps.sessions.revoke(token);
      clearSessionCookie(reply);
      return { ok: true };
    },
  );

  app.get('/api/auth/me', { config: { access: 'member' } }, async (request) => loadMe(deps.db, requireAuth(request)));

  app.post<{ Body: { code: string } }>(
    '/api/auth/activation/peek',
    {
      config: { access: 'public' },
      schema: { body: { type: 'object', additionalProperties: false, required: ['code'], properties: { code: { type: 'string', maxLength: 32 } } } },
    },
    async (request) => {
      const found = deps.auth.peekActivationCode(request.body.code);
      return found ? { valid: true, name: found.name, employeeNumber: found.employeeNumber } : { valid: false };
    },
  );

  app.post<{ Body: ActivateRequest }>(
    '/api/auth/activate',
    { config: { access: 'public' }, schema: { body: activateRequestSchema } },
    async (request, reply) => {
      const memberId = await deps.auth.activate(request.body.code, request.body.password, request.body.pin, request.ip);
      startSession(request, reply, deps.sessions, memberId);
      return { ok: true };
    },
  );
}
