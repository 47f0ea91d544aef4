import type { FastifyInstance } from 'fastify';
import { changePasswordRequestSchema, changePinRequestSchema, type ChangePasswordRequest, type ChangePinRequest } from '@kumiai/shared';
import { requireAuth } from '../../plugins/auth.ts';
import type { CredentialsService } from './credentials-service.ts';
import { SESSION_COOKIE } from './session-service.ts';

/** The signed-in member's own password and kiosk PIN (マイページ). */
export function meCredentialRoutes(app: FastifyInstance, deps: { credentials: CredentialsService }): void {
  app.post<{ Body: ChangePasswordRequest }>(
    '/api/me/password',
    { config: { access: 'member' }, schema: { body: changePasswordRequestSchema } },
    async (request) => {
      const { actor, via } = requireAuth(request);
      const token = via === 'session' ? request.cookies[SESSION_COOKIE] : undefined;
      return { ok: true, ...(await deps.credentials.changePassword(actor, token, request.body, request.ip)) };
    },
  );

  app.post<{ Body: ChangePinRequest }>(
    '/api/me/pin',
    { config: { access: 'member' }, schema: { body: changePinRequestSchema } },
    async (request) => {
      const { actor, via } = requireAuth(request);
      const token = via === 'session' ? request.cookies[SESSION_COOKIE] : undefined;
      await deps.credentials.changePin(actor, token, request.body, request.ip);
      return { ok: true };
    },
  );
}
