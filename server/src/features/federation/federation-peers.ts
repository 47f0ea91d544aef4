import { FEDERATION_COLLECTIONS, SERVICE_TOKEN_PREFIX, type Actor } from '@kumiai/shared';
import type { Mutate } from '../../lib/mutate.ts';
import type { Credential, Principals, Refusal } from '../../sync/principal.ts';
import { hashToken } from './federation-hub.ts';
import type { FederationRepo, UnionRow } from './federation-repo.ts';

/** A linked union as a sync principal: `peer:<its id at the federation>`. */
export const PEER_PREFIX = 'peer:';
/** The audience role through which linked unions read federation_items (no member holds it). */
export const PEER_ROLE = 'federation_union';

export const isPeer = (actor: Actor): boolean => actor.memberId.startsWith(PEER_PREFIX);
export const peerUnionId = (actor: Actor): string | null => (isPeer(actor) ? actor.memberId.slice(PEER_PREFIX.length) : null);

/** What a union's credential is known by: its token's hash and the link's state it was taken under (a change closes the socket). */
const credentialHash = (row: UnionRow): string => `${row.service_token_hash ?? ''}:${row.status}`;

const PAUSED: Refusal = { code: 'federation_link_paused', message: 'The link is paused: only its state syncs until it resumes' };
const NARROW: Refusal = { code: 'forbidden', message: 'A linked union syncs only the federation collections' };

/**
 * The unions linked to this federation as sync principals: a union's server
 * authenticates with its service token (`Bearer kfs_…`, only its hash kept)
 * and is just another client with a narrow scope: the federation collections
 * only (federation_links alone while the link is paused), never a member's
 * collection, whatever its read rules would say. A revoked link's token is
 * refused with `federation_link_revoked`. The credential names the link's
 * state, so a pause or a resume closes the union's open sockets at the next
 * poll (`setUnionStatus` bumps auth_version) and it reconnects under the new one.
 */
export class FederationPeers implements Principals {
  constructor(
    private readonly repo: FederationRepo,
    private readonly mutate: Mutate,
  ) {}

  private credential(row: UnionRow): Credential {
    return {
      kind: 'token',
      tokenHash: credentialHash(row),
      principalId: `${PEER_PREFIX}${row.id}`,
      only: row.status === 'active' ? { collections: FEDERATION_COLLECTIONS, refusal: NARROW } : { collections: ['federation_links'], refusal: PAUSED },
    };
  }

  load(principalId: string): Actor | null {
    if (!principalId.startsWith(PEER_PREFIX)) return null;
    const row = this.repo.union(principalId.slice(PEER_PREFIX.length));
    if (!row?.service_token_hash) return null;
    // No unit, no role: the federation collections' rules are the only ones that let it read anything.
    return { memberId: principalId, unitPath: [], grants: [], status: row.status === 'active' ? 'active' : row.status === 'revoked' ? 'left' : 'on_leave' };
  }

  byToken(token: string): Credential | { refused: Refusal } | null {
    if (!token.startsWith(SERVICE_TOKEN_PREFIX)) return null;
    const hash = hashToken(token);
    const row = this.repo.unionByServiceToken(hash);
    // An unknown token names no link: refused as any bad token is (`unauthenticated`), not audited, so a stranger
    // trying tokens cannot fill the audit log (new sockets per address are rate-limited before the handshake).
    if (!row) return null;
    // Every connection of a linked union, taken or refused, is in the audit log (what it then pulls and pushes is the engine's).
    const audit = (action: 'federation.exchange' | 'federation.exchange_refused', detail: Record<string, unknown>) =>
      this.mutate(null, { checks: [], audit: { action, target: row.id, detail } }, () => undefined);
    if (row.status === 'revoked') {
      audit('federation.exchange_refused', { kind: 'connect', code: 'federation_link_revoked' });
      return { refused: { code: 'federation_link_revoked', message: 'The link was revoked' } };
    }
    audit('federation.exchange', { kind: 'connect', status: row.status });
    return this.credential(row);
  }

  bySession(): Credential | null {
    return null;
  }

  stillValid(credentials: readonly Credential[]): Set<string> {
    const peers = credentials.filter((c) => c.principalId.startsWith(PEER_PREFIX));
    if (peers.length === 0) return new Set();
    const rows = this.repo.unionsById(peers.map((c) => c.principalId.slice(PEER_PREFIX.length)));
    return new Set(rows.filter((r) => r.service_token_hash && r.status !== 'revoked').map(credentialHash));
  }

  closed(principalIds: readonly string[]): Set<string> {
    const ids = principalIds.filter((id) => id.startsWith(PEER_PREFIX)).map((id) => id.slice(PEER_PREFIX.length));
    if (ids.length === 0) return new Set();
    return new Set(this.repo.unionsById(ids).filter((r) => r.status === 'revoked').map((r) => `${PEER_PREFIX}${r.id}`));
  }
}
