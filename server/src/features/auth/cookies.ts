import type { FastifyReply } from 'fastify';
import { SESSION_COOKIE } from './session-service.ts';

/** __Host- cookies: Secure (localhost counts as secure), host-only, Path=/. */
export function setSessionCookie(reply: FastifyReply, token: string, expiresAt: number): void {
  reply.setCookie(SESSION_COOKIE, token, { path: '/', secure: true, httpOnly: true, sameSite: 'lax', expires: new Date(expiresAt) });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', secure: true, httpOnly: true, sameSite: 'lax' });
}
