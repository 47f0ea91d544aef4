import type { Actor } from '@kumiai/shared';

/**
 * How a connection proved who it is: a browser session (its cookie) or a
 * bearer token, kept as a hash so the hub can re-check it when credentials
 * change. `principalId` names who it is.
 */
export interface Credential {
  kind: 'session' | 'token';
  tokenHash: string;
  principalId: string;
}

/**
 * Who may be at the other end of a sync connection, and the questions the
 * engine asks about them. A member today (features/auth/member-principals.ts);
 * a federation peer or a service tomorrow, each with its own implementation.
 * The engine knows no identity store beyond this.
 */
export interface Principals {
  /** Who this is now, as the read rules see them (roles, units, status); null when they no longer exist. */
  load(principalId: string): Actor | null;
  /** The credential a bearer token carries, or null (unknown, revoked, expired). */
  byToken(token: string): Credential | null;
  /** The credential a browser session cookie carries, or null (ended). */
  bySession(cookie: string): Credential | null;
  /** Of these credentials, the hashes of those still valid now (sessions and tokens end, with time too). */
  stillValid(credentials: readonly Credential[]): Set<string>;
  /** Of these principals, those closed for good (a member who left): their sockets close with account-closed. */
  closed(principalIds: readonly string[]): Set<string>;
}
