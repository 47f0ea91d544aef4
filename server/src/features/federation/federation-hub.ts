import { createHash, randomBytes, randomUUID } from 'node:crypto';
import {
  SERVICE_TOKEN_PREFIX, type Actor, type FederationIdentity, type FederationItem, type FederationItemInput, type FigureTotals, type LinkRequest, type MemberUnion, type SignedMessage,
  type UnionInvite, type UnionInviteInput,
} from '@kumiai/shared';
import type { Clock } from '../../lib/clock.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import type { Mutate } from '../../lib/mutate.ts';
import type { UploadsService } from '../uploads/index.ts';
import { fingerprintOf, publicKeyObject, type FederationKeys } from './federation-keys.ts';
import { itemOf, type FederationRepo, type ItemRow, type UnionRow } from './federation-repo.ts';

const DAY = 24 * 3600 * 1000;
export const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');
/** Names compared as people type them: NFKC, spaces folded. */
const sameName = (a: string, b: string) => a.normalize('NFKC').replace(/\s+/g, '') === b.normalize('NFKC').replace(/\s+/g, '');

/** An item's signed text: the item without the federation's sequence (a union checks it against the key it confirmed). */
const signedText = (row: ItemRow): string => {
  const { seq: _seq, ...item } = itemOf(row);
  return JSON.stringify(item);
};

/**
 * The federation's side: exchange tokens for named member unions, the link
 * they complete (which gives the union its service token for the sync
 * protocol), the items it publishes (each signed), the files those items list,
 * and the linked unions' state. What a union pulls and pushes over sync is
 * `federation-sync.ts`; who it is there, `federation-peers.ts`. Every
 * exchange, taken or refused, is audited.
 */
export class FederationHub {
  constructor(
    private readonly repo: FederationRepo,
    private readonly keys: FederationKeys,
    private readonly clock: Clock,
    private readonly mutate: Mutate,
    private readonly uploads: UploadsService,
  ) {}

  private root(): { unitPath: string[] } {
    return { unitPath: [this.repo.rootId()] };
  }

  private manage() {
    return [{ action: 'federation.manage' as const, resource: this.root() }];
  }

  identity(): FederationIdentity {
    return { name: this.repo.unionName(), publicKey: this.keys.publicKey(), fingerprint: this.keys.fingerprint() };
  }

  invite(actor: Actor, input: UnionInviteInput): UnionInvite {
    const unionId = randomUUID();
    const token = `kfx_${randomBytes(24).toString('base64url')}`;
    const name = input.name.trim();
    const expiresAt = this.clock.now() + (input.validDays ?? 7) * DAY;
    this.mutate(actor, { checks: this.manage(), audit: { action: 'federation.union_invited', target: unionId, detail: { name, expiresAt } } }, (now) =>
      this.repo.insertUnion(unionId, name, hashToken(token), expiresAt, now),
    );
    return { unionId, name, token, expiresAt };
  }

  private unionOf(row: UnionRow): MemberUnion {
    return {
      id: row.id,
      name: row.name,
      status: row.status,
      pausedBy: row.paused_by,
      fingerprint: row.public_key ? fingerprintOf(row.public_key) : null,
      linkedAt: row.linked_at,
      lastReport: this.repo.lastReport(row.id),
    };
  }

  /** Per-union figures, totals over the latest report of each linked union, and the linked unions that have not reported. */
  unions(actor: Actor): { unions: MemberUnion[]; totals: FigureTotals; notReported: string[] } {
    this.mutate(actor, { checks: this.manage(), audit: { action: 'federation.figures_read', target: null } }, () => undefined);
    const unions = this.repo.unions().map((row) => this.unionOf(row));
    const linked = unions.filter((u) => u.status === 'active' || u.status === 'paused');
    const actions = new Map<string, number>();
    let members = 0;
    for (const u of linked) {
      for (const m of u.lastReport?.figures.membership ?? []) members += m.count;
      for (const a of u.lastReport?.figures.actions ?? []) actions.set(a.itemId, (actions.get(a.itemId) ?? 0) + a.participants);
    }
    return {
      unions,
      totals: { members, actions: [...actions].map(([itemId, participants]) => ({ itemId, participants })) },
      notReported: linked.filter((u) => !u.lastReport).map((u) => u.id),
    };
  }

  setStatus(actor: Actor, id: string, to: 'pause' | 'resume' | 'revoke'): MemberUnion {
    const row = this.repo.union(id);
    if (!row) throw notFound('No such member union');
    if (row.status === 'revoked') throw new AppError('federation_link_revoked', 409, 'The link was revoked');
    if (to !== 'revoke' && row.status === 'invited') throw new AppError('federation_not_linked', 409, 'The union has not linked yet');
    if (to === 'resume' && row.paused_by === 'union') throw new AppError('federation_link_paused', 409, 'The union paused the link: only the union resumes it');
    const status = to === 'pause' ? 'paused' : to === 'resume' ? 'active' : 'revoked';
    this.mutate(actor, { checks: this.manage(), audit: { action: `federation.union_${to === 'pause' ? 'paused' : to === 'resume' ? 'resumed' : 'revoked'}`, target: id, detail: { by: 'federation' } } }, (now) =>
      this.repo.setUnionStatus(id, status, to === 'pause' ? 'federation' : null, now),
    );
    return this.unionOf(this.repo.union(id)!);
  }

  publish(actor: Actor, input: FederationItemInput): FederationItem {
    const id = randomUUID();
    this.uploads.checkOwned(actor.memberId, input.materials ?? []);
    const row = this.mutate(actor, { checks: this.manage(), audit: { action: 'federation.item_published', target: id, detail: { kind: input.kind, title: input.title.trim() } } }, (now) => {
      const item: Omit<FederationItem, 'seq'> = {
        id, kind: input.kind, title: input.title.trim(), body: input.body, actionDate: input.actionDate ?? null, demand: input.demand ?? null, question: input.question ?? null,
        defaultAudience: input.defaultAudience ?? null, materials: input.materials ?? [], publishedAt: now,
      };
      return this.repo.insertItem(item, actor.memberId, this.keys.sign(JSON.stringify(item)));
    });
    return itemOf(row);
  }

  /** Signs items stored before items were signed (at start; they reach unions only once signed). */
  signUnsigned(): number {
    const rows = this.repo.unsignedItems();
    if (rows.length > 0) this.repo.transaction(() => rows.forEach((row) => this.repo.setItemSigned(row.id, this.keys.sign(signedText(row)))));
    return rows.length;
  }

  /**
   * A file a published item lists, for the linked union whose service token this is (the union checks
   * the bytes against the hash its signed item names). Refused like a sync connection would be.
   */
  material(token: string, hash: string): { type: string; body: Buffer } {
    const row = token.startsWith(SERVICE_TOKEN_PREFIX) ? this.repo.unionByServiceToken(hashToken(token)) : undefined;
    if (!row) throw new AppError('unauthenticated', 401, 'A linked union’s service token is needed');
    if (row.status === 'revoked') this.refuse(row.id, new AppError('federation_link_revoked', 403, 'The link was revoked'));
    if (row.status === 'paused') this.refuse(row.id, new AppError('federation_link_paused', 403, 'The link is paused'));
    if (!this.repo.isMaterial(hash)) throw notFound('No such material');
    const file = this.uploads.read(hash);
    this.mutate(null, { checks: [], audit: { action: 'federation.exchange', target: row.id, detail: { kind: 'material', hash, size: file.body.length } } }, () => undefined);
    return { type: file.type, body: file.body };
  }

  items(actor: Actor): FederationItem[] {
    this.mutate(actor, { checks: this.manage(), audit: { action: 'federation.figures_read', target: 'items' } }, () => undefined);
    return this.repo.items().map(itemOf);
  }

  /** A refusal, audited before it is thrown (the refused message changes nothing else). */
  private refuse(target: string | null, error: AppError): never {
    this.mutate(null, { checks: [], audit: { action: 'federation.exchange_refused', target, detail: { code: error.code } } }, () => undefined);
    throw error;
  }

  /** The union's first message: the exchange token, with its name and key. Answered signed, with the link's id and the union's service token (shown this once; only its hash is kept). */
  link(request: LinkRequest): SignedMessage {
    const row = this.repo.unionByToken(hashToken(request.token));
    const now = this.clock.now();
    if (!row) this.refuse(null, new AppError('federation_token_invalid', 401, 'Unknown exchange token'));
    if (row.status === 'revoked') this.refuse(row.id, new AppError('federation_token_revoked', 401, 'The exchange token was revoked'));
    if (row.status !== 'invited' || row.token_expires_at <= now) this.refuse(row.id, new AppError('federation_token_invalid', 401, 'The exchange token was used or has expired'));
    if (!sameName(row.name, request.name)) this.refuse(row.id, new AppError('federation_token_other_union', 403, 'The exchange token was made for another union'));
    if (!publicKeyObject(request.publicKey)) this.refuse(row.id, new AppError('federation_signature_invalid', 400, 'Not an Ed25519 public key'));
    const serviceToken = `${SERVICE_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
    this.mutate(null, { checks: [], audit: { action: 'federation.union_linked', target: row.id, detail: { fingerprint: fingerprintOf(request.publicKey) } } }, () =>
      this.repo.linkUnion(row.id, request.publicKey, hashToken(serviceToken), now),
    );
    return this.keys.sign(JSON.stringify({ link: row.id, at: now, federationName: this.repo.unionName(), publicKey: this.keys.publicKey(), serviceToken }));
  }
}
