import { randomUUID } from 'node:crypto';
import {
  can, isErrorCode, type Actor, type Attachment, type Audience, type FederationIdentity, type FederationItem, type FederationMessageKind, type FigureReport, type InboxItem, type LinkConfirmInput,
  type FormInput, type LinkPreview, type LinkPreviewInput, type LinkState, type SentReport, type SharingInput, type SyncResult,
} from '@kumiai/shared';
import type { Clock } from '../../lib/clock.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import type { Mutate } from '../../lib/mutate.ts';
import type { ActorRepo } from '../auth/index.ts';
import type { FormResultsService, FormsService } from '../forms/index.ts';
import type { NoticesService } from '../notices/index.ts';
import type { UploadsService } from '../uploads/index.ts';
import { makeEnvelope, readReply } from './federation-envelope.ts';
import { agreedFigures, PARTICIPATION_FIELD, participants, TAKE_PART } from './federation-figures.ts';
import { fingerprintOf, verifySigned, type FederationKeys } from './federation-keys.ts';
import type { FederationRepo, InboxRow, LinkRow } from './federation-repo.ts';

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

/** POSTs or GETs JSON; the federation's own refusal code passes through, anything else is `federation_unreachable`. */
async function call<T>(url: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: body === undefined ? 'GET' : 'POST',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
      redirect: 'error',
    });
  } catch (error) {
    throw new AppError('federation_unreachable', 502, `The federation could not be reached: ${(error as Error).message}`);
  }
  const json = (await response.json().catch(() => null)) as (T & { error?: { code?: unknown } }) | null;
  if (!response.ok) {
    const code = json?.error?.code;
    if (isErrorCode(code) && code.startsWith('federation_')) throw new AppError(code, response.status, `The federation refused: ${code}`);
    throw new AppError('federation_unreachable', 502, `The federation answered ${response.status}`);
  }
  if (!json) throw new AppError('federation_unreachable', 502, 'The federation answered something else');
  return json;
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
    const answer = JSON.parse(signed.message) as { link: string; publicKey: string };
    if (answer.publicKey !== publicKey) throw new AppError('federation_fingerprint_mismatch', 502, 'The federation answered with another key');
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

  /** One signed message to the federation and its checked answer; a paused or revoked answer is kept locally too. */
  private async send(link: LinkRow, kind: FederationMessageKind, body: Record<string, unknown>): Promise<Record<string, unknown>> {
    const envelope = makeEnvelope(link.id, this.repo.nextOutSeq(link.id), this.clock.now(), kind, body);
    let signed: { message: string; signature: string };
    try {
      signed = await call(`${link.url}/api/federation/exchange`, this.keys.sign(JSON.stringify(envelope)));
    } catch (error) {
      if (error instanceof AppError && (error.code === 'federation_link_paused' || error.code === 'federation_link_revoked')) {
        const status = error.code === 'federation_link_paused' ? 'paused' : 'revoked';
        this.mutate(null, { checks: [], audit: { action: 'federation.exchange_refused', target: link.id, detail: { kind, code: error.code } } }, () =>
          this.repo.setLinkStatus(link.id, status, status === 'paused' ? (link.paused_by ?? 'federation') : null),
        );
      }
      throw error;
    }
    const reply = verifySigned(link.federation_key, signed.message, signed.signature) ? readReply(signed.message, envelope.nonce) : null;
    if (!reply) {
      this.mutate(null, { checks: [], audit: { action: 'federation.exchange_refused', target: link.id, detail: { kind, code: 'federation_signature_invalid' } } }, () => undefined);
      throw new AppError('federation_signature_invalid', 502, 'The answer is not signed by the federation');
    }
    return reply.body;
  }

  /** Pauses, resumes or revokes from this side: the federation is told (resuming needs it), and nothing crosses while paused or after. */
  async setStatus(actor: Actor, to: 'pause' | 'resume' | 'revoke'): Promise<LinkState> {
    this.requireManage(actor);
    const link = this.current();
    if (to === 'resume' && link.paused_by !== 'union') throw new AppError('federation_link_paused', 409, 'Only the side that paused resumes');
    const told = await this.send(link, to, {}).then(() => true, (error: unknown) => {
      if (to === 'resume') throw error;
      return false; // pausing and revoking hold here even when the federation cannot be told now
    });
    const status = to === 'pause' ? 'paused' : to === 'resume' ? 'active' : 'revoked';
    this.mutate(actor, { checks: this.manage(), audit: { action: `federation.link_${to === 'pause' ? 'paused' : to === 'resume' ? 'resumed' : 'revoked'}`, target: link.id, detail: { told } } }, () =>
      this.repo.setLinkStatus(link.id, status, to === 'pause' ? 'union' : null),
    );
    return this.state(actor);
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

  /** Pulls every item after the checkpoint (page by page, each page stored with its checkpoint in one transaction), then delivers queued reports. */
  async sync(): Promise<SyncResult> {
    const result: SyncResult = { received: 0, released: 0, reportsDelivered: 0 };
    let link = this.current();
    if (link.status === 'paused' && link.paused_by === 'union') throw new AppError('federation_link_paused', 409, 'This union paused the link');
    for (;;) {
      const body = await this.send(link, 'pull', { checkpoint: link.checkpoint });
      const items = (Array.isArray(body.items) ? body.items : []) as FederationItem[];
      const checkpoint = typeof body.checkpoint === 'number' ? body.checkpoint : link.checkpoint;
      this.mutate(null, { checks: [], audit: { action: 'federation.exchange', target: link.id, detail: (n: number) => ({ kind: 'pull', items: items.length, new: n, checkpoint }) } }, (now) => {
        let fresh = 0;
        for (const item of items) if (this.repo.insertInbox(item, now)) fresh += 1;
        this.repo.setCheckpoint(link.id, checkpoint, now);
        if (link.status === 'paused') this.repo.setLinkStatus(link.id, 'active', null); // the federation resumed
        result.received += fresh;
        return fresh;
      });
      await this.fetchMaterials(link);
      for (const item of items) if (this.releaseByDefault(link, item.id)) result.released += 1;
      link = this.current();
      if (body.more !== true) break;
    }
    for (const report of this.repo.pendingReports()) {
      const payload = JSON.parse(report.payload) as FigureReport;
      const answer = await this.send(link, 'report', { report: payload });
      if (answer.reportId !== payload.reportId) throw new AppError('federation_signature_invalid', 502, 'The answer is for another report');
      this.mutate(null, { checks: [], audit: { action: 'federation.exchange', target: link.id, detail: { kind: 'report', reportId: report.id } } }, (now) => this.repo.setDelivered(report.id, now));
      result.reportsDelivered += 1;
    }
    return result;
  }

  /**
   * Fetches the files of received items that this server does not hold yet (a failure leaves them for the
   * next sync), stored in uploads in the name of the admin who made the link, each checked against its hash.
   */
  private async fetchMaterials(link: LinkRow): Promise<void> {
    const keeper = this.actors.load(link.agreed_by);
    if (!keeper) return;
    for (const item of this.repo.inbox()) {
      for (const material of JSON.parse(item.materials) as Attachment[]) {
        if (this.uploads.ownsAll(keeper.memberId, [material])) continue;
        const body = await this.send(link, 'material', { hash: material.hash });
        const stored = this.uploads.store(keeper, material.name, Buffer.from(typeof body.data === 'string' ? body.data : '', 'base64'));
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

  setParticipation(actor: Actor, id: string, count: number): InboxItem {
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
