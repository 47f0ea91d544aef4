import type { Actor, ErrorCode, SyncErrorCode } from '@kumiai/shared';

/** Why a connection may not do something, worded for the other end (a code from shared/ and the detail). */
export interface Refusal {
  code: SyncErrorCode | ErrorCode;
  message: string;
}

/**
 * How a connection proved who it is: a browser session (its cookie) or a
 * bearer token, kept as a hash so the hub can re-check it when credentials
 * change. `principalId` names who it is.
 */
export interface Credential {
  kind: 'session' | 'token';
  tokenHash: string;
  principalId: string;
  /**
   * A narrow scope: the only collections this connection may pull, stream or
   * push (a service, a federation peer); any other is answered with `refusal`.
   * Absent: every collection, each filtered by its read rules (members).
   */
  only?: { collections: readonly string[]; refusal: Refusal };
}

/**
 * Who may be at the other end of a sync connection, and the questions the
 * engine asks about them. Members (features/auth/member-principals.ts) and
 * the unions linked to a federation (features/federation/federation-peers.ts),
 * each with its own implementation; `PrincipalSet` asks them in turn.
 * The engine knows no identity store beyond this.
 */
export interface Principals {
  /** Who this is now, as the read rules see them (roles, units, status); null when they no longer exist (or are not of this kind). */
  load(principalId: string): Actor | null;
  /** The credential a bearer token carries; null (unknown, revoked, expired), or a refusal with its own code. */
  byToken(token: string): Credential | { refused: Refusal } | null;
  /** The credential a browser session cookie carries, or null (ended). */
  bySession(cookie: string): Credential | null;
  /** Of these credentials, the hashes of those still valid now (sessions and tokens end, with time too). */
  stillValid(credentials: readonly Credential[]): Set<string>;
  /** Of these principals, those closed for good (a member who left): their sockets close with account-closed. */
  closed(principalIds: readonly string[]): Set<string>;
}

/** Several kinds of principal as one: each question goes to each in turn (their ids and tokens never overlap). */
export class PrincipalSet implements Principals {
  constructor(private readonly kinds: readonly Principals[]) {}

  load(principalId: string): Actor | null {
    for (const kind of this.kinds) {
      const actor = kind.load(principalId);
      if (actor) return actor;
    }
    return null;
  }

  byToken(token: string): Credential | { refused: Refusal } | null {
    for (const kind of this.kinds) {
      const found = kind.byToken(token);
      if (found) return found;
    }
    return null;
  }

  bySession(cookie: string): Credential | null {
    for (const kind of this.kinds) {
      const found = kind.bySession(cookie);
      if (found) return found;
    }
    return null;
  }

  stillValid(credentials: readonly Credential[]): Set<string> {
    return new Set(this.kinds.flatMap((kind) => [...kind.stillValid(credentials)]));
  }

  closed(principalIds: readonly string[]): Set<string> {
    return new Set(this.kinds.flatMap((kind) => [...kind.closed(principalIds)]));
  }
}
