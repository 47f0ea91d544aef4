/** What other features may use of auth (the rest of this folder is its own; a lint rule holds other features to this file). */
export { authModule } from './module.ts';
export type { ActorRepo, AudienceMember } from './actor-repo.ts';
export type { AuthService } from './auth-service.ts';
export { startSession } from './auth-routes.ts';
export { clearSessionCookie, setSessionCookie } from './cookies.ts';
export { KIOSK_SESSION, SESSION_COOKIE, type SessionService } from './session-service.ts';
