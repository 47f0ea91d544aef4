import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Actor, FederationIdentity, FederationItem, FederationItemInput, FigureReport, FigureTotals, LinkRequest, MemberUnion, SignedMessage, UnionInvite, UnionInviteInput } from '@kumiai/shared';
import type { Clock } from '../../lib/clock.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import type { Mutate } from '../../lib/mutate.ts';
import type { UploadsService } from '../uploads/index.ts';
import { readEnvelope, replyTo, validFigureReport, type Envelope } from './federation-envelope.ts';
import { fingerprintOf, publicKeyObject, verifySigned, type FederationKeys } from './federation-keys.ts';
import { itemOf, type FederationRepo, type UnionRow } from './federation-repo.ts';

const DAY = 24 * 3600 * 1000;
const PULL_PAGE = 100;
const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');
/** Names compared as people type them: NFKC, spaces folded. */
const sameName = (a: string, b: string) => a.normalize('NFKC').replace(/\s+/g, '') === b.normalize('NFKC').replace(/\s+/g, '');

/**
 * The federation's side: exchange tokens for named member unions, the link
 * they complete, the items it publishes, and every signed message a union
 * sends (pull, report, pause, resume, revoke), refused with a code when it is
 * forged, replayed, another union's, or on a paused or revoked link. Every
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
    this.mutate(actor, { checks: this.manage(), audit: { action: `federation.union_${to === 'pause' ? 'paused' : to === 'resume' ? 'resumed' : 'revoked'}`, target: id, detail: { by: 'federation' } } }, () =>
      this.repo.setUnionStatus(id, status, to === 'pause' ? 'federation' : null),
    );
    return this.unionOf(this.repo.union(id)!);
  }

  publish(actor: Actor, input: FederationItemInput): FederationItem {
    const id = randomUUID();
    this.uploads.checkOwned(actor.memberId, input.materials ?? []);
    const row = this.mutate(actor, { checks: this.manage(), audit: { action: 'federation.item_published', target: id, detail: { kind: input.kind, title: input.title.trim() } } }, (now) =>
      this.repo.insertItem(id, input, actor.memberId, now),
    );
    return itemOf(row);
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

  /** The union's first message: the exchange token, with its name and key. Answered signed, with the link's id. */
  link(request: LinkRequest): SignedMessage {
    const row = this.repo.unionByToken(hashToken(request.token));
    const now = this.clock.now();
    if (!row) this.refuse(null, new AppError('federation_token_invalid', 401, 'Unknown exchange token'));
    if (row.status === 'revoked') this.refuse(row.id, new AppError('federation_token_revoked', 401, 'The exchange token was revoked'));
    if (row.status !== 'invited' || row.token_expires_at <= now) this.refuse(row.id, new AppError('federation_token_invalid', 401, 'The exchange token was used or has expired'));
    if (!sameName(row.name, request.name)) this.refuse(row.id, new AppError('federation_token_other_union', 403, 'The exchange token was made for another union'));
    if (!publicKeyObject(request.publicKey)) this.refuse(row.id, new AppError('federation_signature_invalid', 400, 'Not an Ed25519 public key'));
    this.mutate(null, { checks: [], audit: { action: 'federation.union_linked', target: row.id, detail: { fingerprint: fingerprintOf(request.publicKey) } } }, () =>
      this.repo.linkUnion(row.id, request.publicKey, now),
    );
    return this.keys.sign(JSON.stringify({ link: row.id, at: now, federationName: this.repo.unionName(), publicKey: this.keys.publicKey() }));
  }

  /** A signed message from a linked union: checked (signature, sequence, time, link state), applied and answered signed. */
  exchange(signed: SignedMessage): SignedMessage {
    const now = this.clock.now();
    const envelope = readEnvelope(signed.message);
    if (!envelope) this.refuse(null, new AppError('federation_signature_invalid', 400, 'Not an exchange message'));
    const row = this.repo.union(envelope.link);
    if (!row?.public_key) this.refuse(envelope.link, new AppError('federation_not_linked', 404, 'No such link'));
    if (!verifySigned(row.public_key, signed.message, signed.signature)) this.refuse(row.id, new AppError('federation_signature_invalid', 401, 'The signature is not the union’s'));
    if (row.status === 'revoked') this.refuse(row.id, new AppError('federation_link_revoked', 403, 'The link was revoked'));
    if (envelope.seq <= row.last_seq || Math.abs(envelope.at - now) > 10 * 60_000) this.refuse(row.id, new AppError('federation_replayed', 409, 'A message already seen, or too old'));
    const paused = row.status === 'paused' && !(envelope.kind === 'revoke' || (envelope.kind === 'resume' && row.paused_by === 'union'));
    if (paused) {
      this.repo.setLastSeq(row.id, envelope.seq);
      this.refuse(row.id, new AppError('federation_link_paused', 403, 'The link is paused'));
    }
    const body = this.mutate(null, { checks: [], audit: { action: 'federation.exchange', target: row.id, detail: (b: Record<string, unknown>) => ({ kind: envelope.kind, ...summary(b) }) } }, () => {
      this.repo.setLastSeq(row.id, envelope.seq);
      return this.apply(row, envelope);
    });
    return this.keys.sign(replyTo(envelope, now, body));
  }

  private apply(row: UnionRow, envelope: Envelope): Record<string, unknown> {
    switch (envelope.kind) {
      case 'pull': {
        const after = typeof envelope.body.checkpoint === 'number' ? envelope.body.checkpoint : 0;
        const rows = this.repo.itemsAfter(after, PULL_PAGE + 1);
        const page = rows.slice(0, PULL_PAGE).map(itemOf);
        return { items: page, checkpoint: page.at(-1)?.seq ?? after, more: rows.length > PULL_PAGE };
      }
      case 'material': {
        // Only a file a published item lists; the answer is signed like any other, so the union can trust the bytes.
        const hash = typeof envelope.body.hash === 'string' ? envelope.body.hash : '';
        if (!this.repo.isMaterial(hash)) throw notFound('No such material');
        const file = this.uploads.read(hash);
        return { hash, type: file.type, data: file.body.toString('base64') };
      }
      case 'report': {
        const report = envelope.body.report;
        if (!validFigureReport(report)) throw new AppError('validation_failed', 400, 'A report holds counts only, in the agreed shape');
        const fresh = this.repo.insertReport(`${row.id}:${(report).reportId}`, row.id, (report).at, (report).figures, this.clock.now());
        return { reportId: (report).reportId, stored: fresh };
      }
      case 'pause':
        this.repo.setUnionStatus(row.id, 'paused', 'union');
        return { status: 'paused' };
      case 'resume':
        this.repo.setUnionStatus(row.id, 'active', null);
        return { status: 'active' };
      case 'revoke':
        this.repo.setUnionStatus(row.id, 'revoked', null);
        return { status: 'revoked' };
    }
  }
}

/** What the audit keeps of an answer: counts, never the items or figures. */
function summary(body: Record<string, unknown>): Record<string, unknown> {
  if (Array.isArray(body.items)) return { items: body.items.length, checkpoint: body.checkpoint };
  if ('data' in body) return { hash: body.hash };
  if ('reportId' in body) return { reportId: body.reportId, stored: body.stored };
  return body;
}
