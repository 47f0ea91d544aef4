import type { Actor } from '@kumiai/shared';
import type { Db } from '../../db/database.ts';
import type { Clock } from '../../lib/clock.ts';
import { hashToken } from '../../lib/crypto.ts';
import type { Credential, Principals } from '../../sync/principal.ts';
import type { TokenService } from '../tokens/index.ts';
import type { ActorRepo } from './actor-repo.ts';
import type { SessionService } from './session-service.ts';

/** Members as sync principals: signed in by their session cookie on a device, or by an API token. */
export class MemberPrincipals implements Principals {
  constructor(
    private readonly db: Db,
    private readonly actors: ActorRepo,
    private readonly sessions: SessionService,
    private readonly tokens: TokenService,
    private readonly clock: Clock,
  ) {}

  load(principalId: string): Actor | null {
    return this.actors.load(principalId);
  }

  byToken(token: string): Credential | null {
    const memberId = token ? this.tokens.resolve(token) : null;
    return memberId ? { kind: 'token', tokenHash: hashToken(token), principalId: memberId } : null;
  }

  bySession(cookie: string): Credential | null {
    const session = this.sessions.resolve(cookie);
    return session ? { kind: 'session', tokenHash: hashToken(cookie), principalId: session.member_id } : null;
  }

  stillValid(credentials: readonly Credential[]): Set<string> {
    const now = this.clock.now();
    const hashes = (kind: Credential['kind']) => JSON.stringify(credentials.filter((c) => c.kind === kind).map((c) => c.tokenHash));
    const sessions = this.db
      .prepare('SELECT token_hash FROM sessions WHERE token_hash IN (SELECT value FROM json_each(?)) AND expires_at > ? AND last_seen_at + idle_ms > ?')
      .pluck()
      .all(hashes('session'), now, now) as string[];
    const tokens = this.db
      .prepare('SELECT token_hash FROM api_tokens WHERE token_hash IN (SELECT value FROM json_each(?)) AND revoked_at IS NULL AND expires_at > ?')
      .pluck()
      .all(hashes('token'), now) as string[];
    return new Set([...sessions, ...tokens]);
  }

  closed(principalIds: readonly string[]): Set<string> {
    return new Set(
      this.db
        .prepare("SELECT id FROM members WHERE status = 'left' AND id IN (SELECT value FROM json_each(?))")
        .pluck()
        .all(JSON.stringify(principalIds)) as string[],
    );
  }
}
