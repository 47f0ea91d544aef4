import { randomUUID } from 'node:crypto';
import {
  can, isErrorCode, type Actor, type Attachment, type Audience, type FederationIdentity, type FederationItem, type FederationItemDoc, type FederationLinkDoc, type FederationReportDoc,
  type FigureReport, type InboxItem, type LinkConfirmInput, type FormInput, type LinkPreview, type LinkPreviewInput, type LinkState, type SentReport, type SharingInput, type SyncResult,
} from '@kumiai/shared';
import type { Clock } from '../../lib/clock.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import type { Mutate } from '../../lib/mutate.ts';
import type { ActorRepo } from '../auth/index.ts';
import type { FormResultsService, FormsService } from '../forms/index.ts';
import type { NoticesService } from '../notices/index.ts';
import type { UploadsService } from '../uploads/index.ts';
import { makeEnvelope } from './federation-envelope.ts';
import { agreedFigures, PARTICIPATION_FIELD, participants, TAKE_PART } from './federation-figures.ts';
import { fingerprintOf, verifySigned, type FederationKeys, type ServiceTokenFile } from './federation-keys.ts';
import { PeerSession } from './federation-peer-client.ts';
import type { FederationRepo, InboxRow, LinkRow } from './federation-repo.ts';

/** Items pulled per page (each page and its checkpoint stored in one transaction). */
const PULL_PAGE = 100;
/** The most a material may be (an upload's own limit is lower). */
const MAX_MATERIAL_BYTES = 64 * 1024 * 1024;

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** The federation's base URL: https, or plain http to a loopback address only (tests, a proxy on the same host). */
export function federationUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new AppError('validation_failed', 400, 'Not a URL');
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))) throw new AppError('federation_insecure_url', 400, 'The federation must be reached over https');
  return url.origin;
}

/** A response's body, up to `max` bytes (a larger one is refused unread beyond that). */
async function readCapped(response: Response, max: number): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > max || !response.body) {
    await response.body?.cancel();
    if (declared > max) throw new AppError('federation_unreachable', 502, `The federation's answer is larger than ${max} bytes`);
    return Buffer.alloc(0);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.length;
    if (size > max) throw new AppError('federation_unreachable', 502, `The federation's answer is larger than ${max} bytes`);
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}

function parseJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8')) as unknown;
  } catch {
    return null;
  }
}

async function request(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(15_000), redirect: 'error' });
  } catch (error) {
    throw new AppError('federation_unreachable', 502, `The federation could not be reached: ${(error as Error).message}`);
  }
}

/** A refusal answer as ours: the federation's own `federation_*` code passes through, anything else is `federation_unreachable`. */
function refusedBy(response: Response, body: Buffer, what: string): AppError {
  const code = (parseJson(body) as { error?: { code?: unknown } } | null)?.error?.code;
  if (isErrorCode(code) && code.startsWith('federation_')) return new AppError(code, response.status, `The federation refused: ${code}`);
  return new AppError('federation_unreachable', 502, `The federation answered ${response.status}${what}`);
}

/** POSTs or GETs JSON (at most 1 MB back); the federation's own refusal code passes through, anything else is `federation_unreachable`. */
async function call<T>(url: string, body?: unknown): Promise<T> {
  const response = await request(url, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const bytes = await readCapped(response, 1_000_000);
  if (!response.ok) throw refusedBy(response, bytes, '');
  const parsed = parseJson(bytes) as T | null;
  if (!parsed) throw new AppError('federation_unreachable', 502, 'The federation answered something else');
  return parsed;
}

/** A material's bytes from the federation, asked with the service token (the caller checks them against the hash). */
async function fetchMaterial(base: string, token: string, hash: string): Promise<Buffer> {
  const response = await request(`${base}/api/federation/materials/${hash}`, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) {
    throw refusedBy(response, await readCapped(response, 100_000).catch(() => Buffer.alloc(0)), ' for a material');
  }
  return readCapped(response, MAX_MATERIAL_BYTES);
}

const DEFAULT_AUDIENCES: Record<string, Audience> = {
  all: { all: true, units: [], roles: [], members: [] },
  officers: { all: false, units: [], roles: ['admin', 'officer'], members: [] },
};

const DAY = 24 * 3600_000;
const JST = 9 * 3600_000;

/** A unified action's participation survey: its title and the question members answer. */
const surveyTitle = (item: InboxRow) => ({ ja: `${item.title} 参加のご確認`, en: `${item.title}: Will you take part?` });

/** A federation item as the union's notice: the demand, the day, the participation question and where members answer it, under the body. */
function noticeBody(item: InboxRow): string {
  const lines = [item.body];
  if (item.action_date !== null) lines.push('', `実施日 / Date: ${new Date(item.action_date + JST).toISOString().slice(0, 10)}`);
  if (item.demand) lines.push('', `要求 / Demand: ${item.demand}`);
  if (item.question) lines.push('', `参加確認 / Participation: ${item.question}`);
  if (item.kind === 'action') lines.push('', `アンケート「${surveyTitle(item).ja}」に回答してください / Please answer the survey "${surveyTitle(item).en}".`);
  return lines.join('\n');
}

/**
 * The survey members answer for a released unified action: one required single choice, 参加する / 参加しない,
 * named (only the count goes up), open until the end of the action's day in Japan (never before now + 1 hour).
 */
export function participationSurvey(item: InboxRow, audience: Audience, now: number): FormInput {
  const endOfDay = item.action_date === null ? null : Math.floor((item.action_date + JST) / DAY) * DAY + DAY - JST - 1;
  const title = surveyTitle(item);
  return {
    kind: 'survey', title: title.ja.slice(0, 200), titleEn: title.en.slice(0, 200), description: item.question ?? '', fields: [{
      id: PARTICIPATION_FIELD, type: 'single_choice', required: true, label: { ja: (item.question ?? '参加しますか').slice(0, 500), en: 'Will you take part?' },
      options: [{ id: TAKE_PART, label: { ja: '参加する', en: 'Take part' } }, { id: 'no', label: { ja: '参加しない', en: 'Not taking part' } }],
    }],
    steps: [], audience, status: 'published', opensAt: now, closesAt: endOfDay === null ? null : Math.max(endOfDay, now + 3600_000), anonymous: false, allowEdit: true,
  };
}

/**
 * The union's side of the link: linking after the admin confirmed the
 * federation's fingerprint, pulling its items from the checkpoint (a link
 * down for days resumes where it stopped, nothing lost or doubled), releasing
 * them as notices with their origin, and reporting the agreed figures upward.
 * Every message is signed with this server's key, every answer checked
 * against the federation's; each exchange is audited.
 */
export class FederationLink {
  constructor(
    private readonly repo: FederationRepo,
    private readonly keys: FederationKeys,
    private readonly clock: Clock,
    private readonly mutate: Mutate,
    private readonly actors: ActorRepo,
    private readonly notices: NoticesService,
    private readonly forms: FormsService,
    private readonly formResults: FormResultsService,
    private readonly uploads: UploadsService,
    private readonly serviceToken: ServiceTokenFile,
  ) {}

  private inboxOf(r: InboxRow): InboxItem {
    return {
      id: r.id, kind: r.kind, title: r.title, body: r.body, actionDate: r.action_date, demand: r.demand, question: r.question, defaultAudience: r.default_audience,
      materials: JSON.parse(r.materials) as Attachment[], publishedAt: r.published_at, receivedAt: r.received_at, noticeId: r.notice_id, audience: r.audience ? (JSON.parse(r.audience) as Audience) : null, participation: r.participation,
      participationForm: r.participation_form, appAnswers: r.participation_form ? participants({ participation: null, participation_form: r.participation_form }, this.formResults) : null,
    };
  }

  private manage() {
    return [{ action: 'federation.manage' as const, resource: { unitPath: [this.repo.rootId()] } }];
  }

  private requireManage(actor: Actor): void {
    if (!can(actor, 'federation.manage', { unitPath: [this.repo.rootId()] })) throw new AppError('forbidden', 403, 'Not allowed: federation.manage');
  }

  /** Officers who may publish notices somewhere see the inbox and release items to audiences in their scope. */
  private requirePublisher(actor: Actor): void {
    if (!actor.grants.some((g) => can(actor, 'notice.publish', { unitPath: this.actors.unitPath(g.unitId) }))) throw new AppError('forbidden', 403, 'Not allowed: notice.publish');
  }

  private current(): LinkRow {
    const link = this.repo.link();
    if (!link) throw new AppError('federation_not_linked', 404, 'No link with a federation');
    return link;
  }

  async preview(actor: Actor, input: LinkPreviewInput): Promise<LinkPreview> {
    this.requireManage(actor);
    const url = federationUrl(input.url);
    const identity = await call<FederationIdentity>(`${url}/api/federation/identity`);
    return { url, name: identity.name, publicKey: identity.publicKey, fingerprint: fingerprintOf(identity.publicKey) };
  }

  async confirm(actor: Actor, input: LinkConfirmInput): Promise<LinkState> {
    this.requireManage(actor);
    if (this.repo.link()) throw new AppError('federation_already_linked', 409, 'Already linked');
    const { url, name, publicKey, fingerprint } = await this.preview(actor, input);
    if (fingerprint !== input.fingerprint.trim()) throw new AppError('federation_fingerprint_mismatch', 409, 'The key is not the one confirmed');
    const signed = await call<{ message: string; signature: string }>(`${url}/api/federation/exchange/link`, { token: input.token.trim(), name: this.repo.unionName(), publicKey: this.keys.publicKey() });
    if (!verifySigned(publicKey, signed.message, signed.signature)) throw new AppError('federation_signature_invalid', 502, 'The answer is not signed by the confirmed key');
    const answer = JSON.parse(signed.message) as { link: string; publicKey: string; serviceToken?: unknown };
    if (answer.publicKey !== publicKey) throw new AppError('federation_fingerprint_mismatch', 502, 'The federation answered with another key');
    if (typeof answer.serviceToken !== 'string') throw new AppError('federation_unreachable', 502, 'The federation gave no service token');
    this.serviceToken.write(answer.link, answer.serviceToken);
    this.mutate(actor, { checks: this.manage(), audit: { action: 'federation.linked', target: answer.link, detail: { url, federationName: name, fingerprint } } }, (now) =>
      this.repo.insertLink({ id: answer.link, url, federation_name: name, federation_key: publicKey, agreed_by: actor.memberId, linked_at: now }),
    );
    return this.state(actor);
  }

  state(actor: Actor): LinkState {
    this.requireManage(actor);
    const link = this.repo.latestLink();
    if (!link) return { link: null };
    return {
      link: {
        url: link.url, federationName: link.federation_name, fingerprint: fingerprintOf(link.federation_key), status: link.status, pausedBy: link.paused_by,
        linkedAt: link.linked_at, lastSyncAt: link.last_sync_at, useDefaultAudience: link.use_default_audience === 1, sharedForms: JSON.parse(link.shared_forms) as string[],
      },
    };
  }

  /** A sync session with the federation as this union's peer client; a revoked link is recorded as the federation says. */
  private async connect(link: LinkRow): Promise<PeerSession> {
    const token = this.serviceToken.read(link.id);
    if (!token) throw new AppError('federation_token_invalid', 409, 'This server holds no service token for the link (restored elsewhere?): link again');
    try {
      return await PeerSession.open(link.url, token);
    } catch (error) {
      if (error instanceof AppError && error.code === 'federation_link_revoked') this.told(link, 'revoked', null, error.code);
      throw error;
    }
  }

  /** Records the link's state the federation told (or refused with), audited as a refused exchange when it stops us. */
  private told(link: LinkRow, status: LinkRow['status'], pausedBy: LinkRow['paused_by'], code: string | null): void {
    if (link.status === status && link.paused_by === pausedBy) return;
    this.mutate(null, { checks: [], audit: code ? { action: 'federation.exchange_refused', target: link.id, detail: { code } } : { action: 'federation.exchange', target: link.id, detail: { kind: 'state', status } } }, () =>
      this.repo.setLinkStatus(link.id, status, pausedBy),
    );
    if (status === 'revoked') this.serviceToken.remove();
  }

  /** The link's document at the federation (its state as the federation holds it). */
  private async linkDoc(session: PeerSession, link: LinkRow): Promise<FederationLinkDoc> {
    const page = await session.pull<FederationLinkDoc>('federation_links', null, 10);
    const doc = page.documents.find((d) => d.id === link.id && !d._deleted);
    if (!doc) throw new AppError('federation_not_linked', 404, 'The federation does not know this link');
    return doc;
  }

  /** Pauses, resumes or revokes from this side: the federation is told (resuming needs it), and nothing crosses while paused or after. */
  async setStatus(actor: Actor, to: 'pause' | 'resume' | 'revoke'): Promise<LinkState> {
    this.requireManage(actor);
    const link = this.current();
    if (to === 'resume' && link.paused_by !== 'union') throw new AppError('federation_link_paused', 409, 'Only the side that paused resumes');
    const next = { status: to === 'pause' ? 'paused' : to === 'resume' ? 'active' : 'revoked', pausedBy: to === 'pause' ? 'union' : null } as const;
    const told = await this.tell(link, next).then(() => true, (error: unknown) => {
      if (to === 'resume') throw error;
      return false; // pausing and revoking hold here even when the federation cannot be told now
    });
    this.mutate(actor, { checks: this.manage(), audit: { action: `federation.link_${to === 'pause' ? 'paused' : to === 'resume' ? 'resumed' : 'revoked'}`, target: link.id, detail: { told } } }, () =>
      this.repo.setLinkStatus(link.id, next.status, next.pausedBy, !told),
    );
    // Kept until the federation is told (the hourly job tells it: `tellUntold`).
    if (to === 'revoke' && told) this.serviceToken.remove();
    return this.state(actor);
  }

  /**
   * A pause or revoke of this union that the federation could not be told at the time is told now
   * (hourly, until it is): until then the federation would show the link active. A revoke the
   * federation already has (its own, meanwhile) counts as told.
   */
  async tellUntold(): Promise<boolean> {
    const link = this.repo.untoldLink();
    if (!link) return false;
    const told = await this.tell(link, { status: link.status, pausedBy: link.paused_by }).then(
      () => true,
      (error: unknown) => error instanceof AppError && error.code === 'federation_link_revoked',
    );
    if (!told) return false;
    this.mutate(null, { checks: [], audit: { action: 'federation.exchange', target: link.id, detail: { kind: 'state', status: link.status, told: true } } }, () => this.repo.setTold(link.id));
    if (link.status === 'revoked') this.serviceToken.remove();
    return true;
  }

  /** Writes the link's new state to the federation over sync (its own document in federation_links). */
  private async tell(link: LinkRow, next: Pick<FederationLinkDoc, 'status' | 'pausedBy'>): Promise<void> {
    const session = await this.connect(link);
    try {
      const master = await this.linkDoc(session, link);
      if (master.status === next.status && master.pausedBy === next.pausedBy) return; // told before (its answer lost)
      const { conflicts, rejected } = await session.push<FederationLinkDoc>('federation_links', [{ assumedMasterState: master, newDocumentState: { ...master, ...next } }]);
      if (rejected[0]) throw new AppError(isErrorCode(rejected[0].code) ? rejected[0].code : 'federation_unreachable', 409, `The federation refused: ${rejected[0].message}`);
      if (conflicts.length > 0) throw new AppError('federation_link_paused', 409, 'The link changed at the federation meanwhile');
    } finally {
      session.close();
    }
  }

  setSharing(actor: Actor, input: SharingInput): LinkState {
    this.requireManage(actor);
    const link = this.current();
    for (const id of input.sharedForms) {
      const kind = (() => {
        try {
          return this.formResults.results(actor, id).kind;
        } catch {
          return null;
        }
      })();
      if (kind !== 'survey') throw new AppError('federation_form_invalid', 400, `Not a survey this admin may share: ${id}`);
    }
    this.mutate(actor, { checks: this.manage(), audit: { action: 'federation.sharing_set', target: link.id, detail: { ...input } } }, () =>
      this.repo.setSharing(link.id, input.useDefaultAudience, input.sharedForms),
    );
    return this.state(actor);
  }

  /**
   * One sync with the federation, over its sync server as a client with a narrow scope: the link's
   * state first; then every item after the checkpoint, page by page, each checked against the key
   * the admin confirmed and stored with its checkpoint in one transaction (a link down for days
   * resumes where it stopped, nothing lost or doubled); the files they list; then the queued reports,
   * each signed, pushed once (a resend of a report taken meets itself and counts as delivered).
   */
  sync(): Promise<SyncResult> {
    // One at a time (the hourly job and an officer's "sync now" may meet): the second starts where the first stopped.
    const run = this.running.then(() => this.syncOnce());
    this.running = run.catch(() => undefined);
    return run;
  }

  private running: Promise<unknown> = Promise.resolve();

  private async syncOnce(): Promise<SyncResult> {
    const result: SyncResult = { received: 0, released: 0, reportsDelivered: 0 };
    let link = this.current();
    if (link.status === 'paused' && link.paused_by === 'union') throw new AppError('federation_link_paused', 409, 'This union paused the link');
    const session = await this.connect(link);
    try {
      const state = await this.linkDoc(session, link).catch((error: unknown) => {
        if (error instanceof AppError && error.code === 'federation_link_paused') return null; // paused: only the link syncs, and it did not answer
        throw error;
      });
      if (state === null || state.status !== 'active') {
        const status = state?.status ?? 'paused';
        this.told(link, status, status === 'paused' ? (state?.pausedBy ?? 'federation') : null, status === 'revoked' ? 'federation_link_revoked' : 'federation_link_paused');
        throw new AppError(status === 'revoked' ? 'federation_link_revoked' : 'federation_link_paused', 409, `The federation holds the link ${status}`);
      }
      if (link.status === 'paused') this.told(link, 'active', null, null); // the federation resumed
      link = this.current();

      let checkpoint: unknown = link.peer_checkpoint ? JSON.parse(link.peer_checkpoint) : null;
      for (;;) {
        const page = await session.pull<FederationItemDoc>('federation_items', checkpoint, PULL_PAGE);
        const items = page.documents.filter((d) => !d._deleted).map((doc) => this.opened(link, doc));
        if (items.includes(null)) {
          this.mutate(null, { checks: [], audit: { action: 'federation.exchange_refused', target: link.id, detail: { kind: 'items', code: 'federation_signature_invalid' } } }, () => undefined);
          throw new AppError('federation_signature_invalid', 502, 'An item is not signed by the federation this union confirmed');
        }
        this.mutate(null, { checks: [], audit: { action: 'federation.exchange', target: link.id, detail: (n: number) => ({ kind: 'items', items: items.length, new: n }) } }, (now) => {
          let fresh = 0;
          for (const item of items) if (item && this.repo.insertInbox(item, now)) fresh += 1;
          this.repo.setPeerCheckpoint(link.id, JSON.stringify(page.checkpoint), now);
          result.received += fresh;
          return fresh;
        });
        checkpoint = page.checkpoint;
        await this.fetchMaterials(link);
        for (const item of items) if (item && this.releaseByDefault(link, item.id)) result.released += 1;
        // RxDB's rule: a full page means there may be more.
        if (page.documents.length < PULL_PAGE) break;
      }
      for (const report of this.repo.pendingReports()) {
        if (await this.deliver(session, link, JSON.parse(report.payload) as FigureReport)) result.reportsDelivered += 1;
      }
    } finally {
      session.close();
    }
    return result;
  }

  /** An item document as the federation signed it, or null when the signature is not the confirmed key's or it names another id. */
  private opened(link: LinkRow, doc: FederationItemDoc): FederationItem | null {
    if (!verifySigned(link.federation_key, doc.message, doc.signature)) return null;
    try {
      const item = JSON.parse(doc.message) as Omit<FederationItem, 'seq'>;
      return item.id === doc.id && typeof item.title === 'string' ? { ...item, seq: 0 } : null;
    } catch {
      return null;
    }
  }

  /** Pushes one report, signed in an envelope with the next sequence (kept before it leaves); true once the federation holds it. */
  private async deliver(session: PeerSession, link: LinkRow, report: FigureReport): Promise<boolean> {
    const envelope = makeEnvelope(link.id, this.repo.nextOutSeq(link.id), this.clock.now(), 'report', { report });
    const signed = this.keys.sign(JSON.stringify(envelope));
    const doc: FederationReportDoc = { id: report.reportId, ...signed, updatedAt: envelope.at };
    const { conflicts, rejected } = await session.push<FederationReportDoc>('federation_reports', [{ newDocumentState: doc }]);
    if (rejected[0]) {
      const code = isErrorCode(rejected[0].code) ? rejected[0].code : 'federation_unreachable';
      this.mutate(null, { checks: [], audit: { action: 'federation.exchange_refused', target: link.id, detail: { kind: 'report', reportId: report.reportId, code } } }, () => undefined);
      throw new AppError(code, 409, `The federation refused the report: ${rejected[0].message}`);
    }
    // A conflict is the federation's copy of this very report (an earlier send whose answer was lost): delivered.
    const taken = conflicts.length === 0 || conflicts.some((c) => c.id === report.reportId);
    if (taken) this.mutate(null, { checks: [], audit: { action: 'federation.exchange', target: link.id, detail: { kind: 'report', reportId: report.reportId } } }, (now) => this.repo.setDelivered(report.reportId, now));
    return taken;
  }

  /**
   * Fetches the files of received items that this server does not hold yet (a failure leaves them for the
   * next sync), over HTTPS with the service token, stored in uploads in the name of the admin who made
   * the link, each checked against the hash its signed item names.
   */
  private async fetchMaterials(link: LinkRow): Promise<void> {
    const keeper = this.actors.load(link.agreed_by);
    const token = this.serviceToken.read(link.id);
    if (!keeper || !token) return;
    for (const item of this.repo.inbox()) {
      for (const material of JSON.parse(item.materials) as Attachment[]) {
        if (this.uploads.ownsAll(keeper.memberId, [material])) continue;
        const body = await fetchMaterial(link.url, token, material.hash);
        const stored = this.uploads.store(keeper, material.name, body);
        if (stored.hash !== material.hash) throw new AppError('federation_signature_invalid', 502, 'A material is not the file its item names');
        this.mutate(null, { checks: [], audit: { action: 'federation.exchange', target: link.id, detail: { kind: 'material', hash: material.hash, size: stored.size } } }, () => undefined);
      }
    }
  }

  /** The hourly pull: nothing when there is no link or this union paused it; a failure waits for the next hour (the checkpoint holds). */
  private log: { warn(obj: object, msg: string): void } = { warn: () => undefined };

  useLogger(log: { warn(obj: object, msg: string): void }): void {
    this.log = log;
  }

  async syncIfLinked(): Promise<void> {
    await this.tellUntold().catch((error: unknown) => this.log.warn({ code: error instanceof AppError ? error.code : 'internal' }, 'federation could not be told'));
    const link = this.repo.link();
    if (!link || (link.status === 'paused' && link.paused_by === 'union')) return;
    await this.sync().catch((error: unknown) => this.log.warn({ code: error instanceof AppError ? error.code : 'internal' }, 'federation sync failed'));
  }

  /** Where the union agreed to the federation's default audience, an item that names one goes out at once, on behalf of the admin who agreed. */
  private releaseByDefault(link: LinkRow, itemId: string): boolean {
    const item = this.repo.inboxItem(itemId);
    if (!item || item.notice_id || link.use_default_audience !== 1 || !item.default_audience) return false;
    const agreedBy = this.actors.load(link.agreed_by);
    if (!agreedBy) return false;
    this.publish(agreedBy, item, DEFAULT_AUDIENCES[item.default_audience]!, link.federation_name, false);
    return true;
  }

  private publish(actor: Actor, item: InboxRow, audience: Audience, origin: string, checked: boolean): void {
    // The materials become the releasing officer's uploads too, so the notice attaches them like any other.
    const attachments = (JSON.parse(item.materials) as Attachment[]).map((m) => this.uploads.store(actor, m.name, this.uploads.read(m.hash).body));
    this.repo.transaction(() => {
      const { id } = this.notices.createFromFederation(actor, { title: item.title, body: noticeBody(item), audience, attachments }, origin, checked);
      // The notice was checked against this officer's scope for the audience; the survey goes to the same one.
      const form = item.kind === 'action' ? this.forms.createChecked(actor, participationSurvey(item, audience, this.clock.now())).id : null;
      this.repo.setReleased(item.id, id, JSON.stringify(audience), form);
    });
  }

  inbox(actor: Actor): InboxItem[] {
    this.requirePublisher(actor);
    return this.repo.inbox().map((r) => this.inboxOf(r));
  }

  release(actor: Actor, id: string, audience: Audience): InboxItem {
    this.requirePublisher(actor);
    const link = this.current();
    const item = this.repo.inboxItem(id);
    if (!item) throw notFound('No such item');
    if (item.notice_id) throw new AppError('bad_request', 409, 'Already released');
    this.publish(actor, item, audience, link.federation_name, true);
    return this.inboxOf(this.repo.inboxItem(id)!);
  }

  /** A typed count (a paper tally), which is reported instead of the app's answers; null clears it. */
  setParticipation(actor: Actor, id: string, count: number | null): InboxItem {
    this.requirePublisher(actor);
    const item = this.repo.inboxItem(id);
    if (item?.kind !== 'action') throw notFound('No such unified action');
    this.mutate(actor, { checks: [], audit: { action: 'federation.participation_set', target: id, detail: { count } } }, () => this.repo.setParticipation(id, count));
    return this.inboxOf(this.repo.inboxItem(id)!);
  }

  /** Exactly the payload the next report sends. */
  previewReport(actor: Actor): FigureReport {
    this.requireManage(actor);
    const link = this.current();
    const agreedBy = this.actors.load(link.agreed_by);
    const figures = agreedFigures(this.repo, this.formResults, agreedBy, JSON.parse(link.shared_forms) as string[]);
    return { reportId: randomUUID(), union: this.repo.unionName(), at: this.clock.now(), figures };
  }

  /** Keeps the report as it will be sent (the sent log) and queues it; the next sync delivers it. */
  queueReport(actor: Actor): SentReport {
    const report = this.previewReport(actor);
    const link = this.current();
    if (link.status === 'revoked') throw new AppError('federation_link_revoked', 409, 'The link was revoked');
    this.mutate(actor, { checks: this.manage(), audit: { action: 'federation.report_queued', target: report.reportId, detail: { members: report.figures.membership.reduce((s, m) => s + m.count, 0), surveys: report.figures.surveys.length, actions: report.figures.actions.length } } }, () =>
      this.repo.insertSent(report.reportId, report.at, JSON.stringify(report)),
    );
    return { ...report, deliveredAt: null };
  }

  sent(actor: Actor): SentReport[] {
    this.requireManage(actor);
    return this.repo.sentReports().map((r) => ({ ...(JSON.parse(r.payload) as FigureReport), deliveredAt: r.delivered_at }));
  }
}
