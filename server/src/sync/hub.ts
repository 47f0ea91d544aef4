import { SYNC_CLOSE, SYNC_LIMITS, type PushRow } from '@kumiai/shared';
import type { FastifyBaseLogger } from 'fastify';
import type { WebSocket } from 'ws';
import type { Db } from '../db/database.ts';
import type { Clock } from '../lib/clock.ts';
import { AddressAdmission, type Admission } from './admission.ts';
import { parseRequest, peekEnvelope, peekId, RateLimiter, setFrameCeiling, SyncConnection, type ParsedRequest } from './connection.ts';
import type { StreamBatch, SyncEngine } from './engine.ts';
import { jsonCostExceeded, type JsonCostLimits } from './json-cost.ts';
import { SyncEpoch } from './epoch.ts';
import type { Credential, Principals } from './principal.ts';
import { Reader } from './reader.ts';

export interface SyncOptions {
  maxMessageBytes: number;
  maxBatchSize: number;
  /** Messages per second a connection may send (sustained), and its burst. */
  ratePerSecond: number;
  rateBurst: number;
  /** How often to look for changes made by other processes (the CLI) and for ended sessions. */
  pollMs: number;
  /** What one message may cost to parse, beyond its bytes. */
  cost: JsonCostLimits;
  /** Before `auth`: at most this many requests held, of at most this many bytes together; larger messages are refused unread. */
  maxHeldMessages: number;
  maxHeldBytes: number;
  /** A socket without a session must authenticate within this time (its held requests are refused then, and it is closed). */
  authTimeoutMs: number;
  /** Open sockets per client address, and new sockets per second per address (with a burst). */
  maxSocketsPerAddress: number;
  newSocketsPerSecond: number;
  newSocketsBurst: number;
  /** Rate-limit violations after which a socket is closed (4408). */
  maxViolations: number;
}

export const DEFAULT_SYNC_OPTIONS: SyncOptions = {
  maxMessageBytes: SYNC_LIMITS.maxMessageBytes,
  maxBatchSize: SYNC_LIMITS.maxBatchSize,
  ratePerSecond: 200,
  rateBurst: 400,
  pollMs: 250,
  cost: { maxContainers: 20_000, maxValues: 200_000, maxDepth: 32 },
  maxHeldMessages: 8,
  maxHeldBytes: 64 * 1024,
  authTimeoutMs: 5000,
  maxSocketsPerAddress: 250,
  newSocketsPerSecond: 10,
  newSocketsBurst: 60,
  maxViolations: 50,
};

/** Before auth only messages this small are parsed at once (`auth` is a few hundred bytes); larger ones wait unread. */
const PARSED_BEFORE_AUTH = 2048;

const isCheckpoint = (value: unknown): value is { seq: number; epoch?: string } | null | undefined =>
  value === null ||
  value === undefined ||
  (typeof value === 'object' &&
    Number.isSafeInteger((value as { seq?: unknown }).seq) &&
    (value as { seq: number }).seq >= 0 &&
    ['string', 'undefined'].includes(typeof (value as { epoch?: unknown }).epoch));

/**
 * All sync connections of this server: message handling in arrival order,
 * limits, the live stream (one serialisation per distinct message, however
 * many sockets get it), and closing sockets whose session or token ended.
 */
export class SyncHub {
  private readonly connections = new Set<SyncConnection>();
  readonly admission: AddressAdmission;
  private dispatchedSeq: number;
  private authVersion: number;
  private timer: NodeJS.Timeout | null = null;
  private dispatchQueued = false;
  private lastFullCheck = 0;
  private readonly jobs: (() => unknown)[] = [];
  /** Checkpoints are `{seq, epoch}`; a restore changes the epoch (see epoch.ts). */
  readonly epoch: SyncEpoch;
  /** Counts stream messages (the metrics set it). */
  onStreamMessage: (collection: string, count: number) => void = () => undefined;

  constructor(
    private readonly db: Db,
    private readonly engine: SyncEngine,
    private readonly principals: Principals,
    private readonly clock: Clock,
    private readonly log: FastifyBaseLogger,
    readonly options: SyncOptions,
  ) {
    this.admission = new AddressAdmission({ maxOpen: options.maxSocketsPerAddress, perSecond: options.newSocketsPerSecond, burst: options.newSocketsBurst }, () => this.clock.now());
    this.epoch = new SyncEpoch(db);
    this.engine.processScopeChanges();
    this.dispatchedSeq = engine.currentSeq();
    this.authVersion = this.readAuthVersion();
  }

  /** Work to run at every poll, before changes are dispatched (e.g. publishing scheduled notices). */
  addJob(job: () => unknown): void {
    this.jobs.push(job);
  }

  start(): void {
    this.timer = setInterval(() => this.poll(), this.options.pollMs);
    this.timer.unref();
  }

  /** Closes every socket (server going away) and stops polling. */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    for (const c of this.connections) c.socket.close(SYNC_CLOSE.goingAway, 'server shutting down');
    this.connections.clear();
  }

  /** The largest frame ws reads at all (the soft limit is answered with an error reply instead of a dropped socket). */
  get frameCeiling(): number {
    return this.options.maxMessageBytes * 4;
  }

  get size(): number {
    return this.connections.size;
  }

  /** Whether an address may open another socket now (checked before the handshake; see admission.ts). */
  admit(address: string): Admission {
    return this.admission.admit(address);
  }

  private readAuthVersion(): number {
    return this.db.prepare('SELECT auth_version FROM sync_meta').pluck().get() as number;
  }

  /** After a write in this process: stream it at once rather than at the next poll. */
  notify(): void {
    if (this.dispatchQueued) return;
    this.dispatchQueued = true;
    queueMicrotask(() => {
      this.dispatchQueued = false;
      this.dispatch();
    });
  }

  private poll(): void {
    try {
      this.admission.sweep();
      for (const job of this.jobs) job();
      const version = this.readAuthVersion();
      const now = this.clock.now();
      // Also re-check everyone once a minute: sessions expire with time too.
      if (version !== this.authVersion || now - this.lastFullCheck > 60_000) {
        this.authVersion = version;
        this.lastFullCheck = now;
        this.revalidate();
      }
      if (this.engine.currentSeq() > this.dispatchedSeq || this.hasDirtyScopes()) this.dispatch();
    } catch (error) {
      this.log.error({ err: error }, 'sync poll failed');
    }
  }

  private hasDirtyScopes(): boolean {
    return this.db.prepare('SELECT 1 FROM sync_scope_dirty LIMIT 1').get() !== undefined;
  }

  accept(socket: WebSocket, auth: Credential | null, address: string): void {
    if (!this.admission.hasRoom(address)) {
      // Upgrades racing past the check before the handshake.
      socket.close(SYNC_CLOSE.policy, 'too many sockets from this address');
      return;
    }
    const connection = new SyncConnection(socket, new RateLimiter(this.options.rateBurst, this.options.ratePerSecond, () => this.clock.now()), address);
    this.connections.add(connection);
    this.admission.opened(address);
    if (!auth || !this.authenticate(connection, auth)) {
      setFrameCeiling(socket, this.options.maxHeldBytes);
      connection.authTimer = setTimeout(() => this.authDeadline(connection), this.options.authTimeoutMs);
      connection.authTimer.unref();
    }
    socket.on('message', (data: Buffer, isBinary: boolean) => this.onMessage(connection, data, isBinary));
    socket.on('close', () => this.forget(connection));
    socket.on('error', (error) => {
      this.log.info({ err: error }, 'sync socket error');
      // A protocol error (a frame over the ceiling): stop reading at once rather than drain what follows it.
      socket.terminate();
    });
  }

  private forget(connection: SyncConnection): void {
    if (!this.connections.delete(connection)) return;
    if (connection.authTimer) clearTimeout(connection.authTimer);
    this.admission.closed(connection.address);
  }

  /** The socket did not authenticate in time: its held requests are refused now, and it is closed. */
  private authDeadline(connection: SyncConnection): void {
    connection.authTimer = null;
    if (connection.reader) return;
    for (const r of connection.takeHeld()) connection.error(r.id, r.collection, 'unauthenticated', 'Authenticate first');
    connection.socket.close(SYNC_CLOSE.unauthenticated, 'authenticate first');
  }

  private authenticate(connection: SyncConnection, auth: Credential): boolean {
    const loadedAt = this.engine.currentSeq();
    const actor = this.principals.load(auth.principalId);
    if (!actor) return false;
    if (actor.status === 'left') {
      connection.socket.close(SYNC_CLOSE.accountClosed, 'account closed');
      return false;
    }
    // The member's scope as of now becomes the baseline later changes are measured against, before their
    // device pulls anything: a scope first evaluated only after a change would leave what it lost on the device.
    // (Any members whose scope changed meanwhile get their log here too; the next dispatch streams it.)
    this.engine.processScopeChanges();
    connection.auth = auth;
    connection.reader = new Reader(actor, this.engine.tree, loadedAt);
    if (connection.authTimer) clearTimeout(connection.authTimer);
    connection.authTimer = null;
    setFrameCeiling(connection.socket, this.frameCeiling);
    return true;
  }

  private onMessage(connection: SyncConnection, data: Buffer, isBinary: boolean): void {
    // Handled synchronously, one at a time: messages are answered in the order they arrived.
    // Every frame counts against the rate, parseable or not, and nothing is read once it is over.
    if (!connection.limiter.take()) {
      connection.violations += 1;
      connection.error(isBinary ? '' : peekId(data), '', 'rate_limited', 'Too many messages; slow down');
      if (connection.violations > this.options.maxViolations) connection.socket.close(SYNC_CLOSE.policy, 'rate limit');
      return;
    }
    if (isBinary) {
      connection.error('', '', 'bad_message', 'Send JSON text frames');
      return;
    }
    // Before `auth` only `auth` and a few small held requests are useful: anything larger is refused unread.
    if (!connection.reader && data.length > this.options.maxHeldBytes) {
      connection.error('', '', 'unauthenticated', `Authenticate first (messages before auth are limited to ${this.options.maxHeldBytes} bytes)`);
      return;
    }
    if (data.length > this.options.maxMessageBytes) {
      connection.error('', '', 'payload_too_large', `Messages are limited to ${this.options.maxMessageBytes} bytes`);
      return;
    }
    const tooCostly = jsonCostExceeded(data, this.options.cost);
    if (tooCostly) {
      connection.error('', '', 'payload_too_large', `Messages are limited in structure: this one has ${tooCostly}`);
      return;
    }
    if (!connection.reader && data.length > PARSED_BEFORE_AUTH) {
      // Only `auth` (small) must be read before auth: a larger request is held as text, unread, and read after it.
      const envelope = peekEnvelope(data);
      this.hold(connection, envelope.id, envelope.collection, data);
      return;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(data.toString('utf8'));
    } catch {
      connection.error('', '', 'bad_message', 'Send JSON text frames');
      return;
    }
    const request = parseRequest(raw);
    if ('error' in request) {
      connection.error(request.id, request.collection, request.error, request.message);
      return;
    }
    try {
      this.handle(connection, request, data);
    } catch (error) {
      this.log.error({ err: error, method: request.method, collection: request.collection }, 'sync request failed');
      connection.error(request.id, request.collection, 'internal', 'The server could not handle this request');
    }
  }

  /** Not answered before authentication: held until `auth` arrives or its deadline passes, and only a few small ones, as text. */
  private hold(connection: SyncConnection, id: string, collection: string, data: Buffer | null): void {
    const bytes = data?.length ?? 0;
    const full = connection.held.length >= this.options.maxHeldMessages || connection.heldBytes + bytes > this.options.maxHeldBytes;
    if (full || !connection.authTimer || !data) {
      connection.error(id, collection, 'unauthenticated', 'Authenticate first');
      return;
    }
    connection.heldBytes += bytes;
    connection.held.push({ id, collection, text: data.toString('utf8') });
  }

  private handle(connection: SyncConnection, request: ParsedRequest, data: Buffer | null = null): void {
    const { id, collection, method, params } = request;
    if (method === 'auth') {
      const headers = params[0] as Record<string, unknown> | undefined;
      const header = typeof headers?.Authorization === 'string' ? headers.Authorization : typeof headers?.authorization === 'string' ? headers.authorization : '';
      const token = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
      const found = token ? this.principals.byToken(token) : null;
      const held = connection.takeHeld();
      if (found && 'refused' in found) {
        // A principal's own reason (a federation link revoked): said, so the other end knows not to retry.
        connection.error(id, collection, found.refused.code, found.refused.message);
        for (const r of held) connection.error(r.id, r.collection, 'unauthenticated', 'Authenticate first');
        return;
      }
      if (!found || !this.authenticate(connection, found)) {
        connection.error(id, collection, 'unauthenticated', 'Invalid or expired token');
        for (const r of held) connection.error(r.id, r.collection, 'unauthenticated', 'Authenticate first');
        return;
      }
      connection.reply(id, collection, 'true');
      for (const r of held) {
        let again: ReturnType<typeof parseRequest> | null = null;
        try {
          again = parseRequest(JSON.parse(r.text));
        } catch {
          connection.error(r.id, r.collection, 'bad_message', 'Send JSON text frames');
          continue;
        }
        if ('error' in again) connection.error(again.id, again.collection, again.error, again.message);
        else this.handle(connection, again);
      }
      return;
    }
    const reader = connection.reader;
    if (!reader) {
      this.hold(connection, id, collection, data);
      return;
    }
    if (!this.engine.has(collection)) {
      connection.error(id, collection, 'unknown_collection', `Unknown collection ${collection.slice(0, 64)}`);
      return;
    }
    const only = connection.auth?.only;
    if (only && !only.collections.includes(collection)) {
      // A narrow credential (a federation peer): nothing outside its collections, whatever their read rules say.
      connection.error(id, collection, only.refusal.code, only.refusal.message);
      return;
    }
    switch (method) {
      case 'masterChangesSince': {
        const [checkpoint, batchSize] = params;
        if (!isCheckpoint(checkpoint) || !Number.isSafeInteger(batchSize) || (batchSize as number) < 1) {
          connection.error(id, collection, 'bad_params', 'params are [checkpoint | null, batchSize]');
          return;
        }
        if ((batchSize as number) > this.options.maxBatchSize) {
          connection.error(id, collection, 'batch_too_large', `batchSize is limited to ${this.options.maxBatchSize}`);
          return;
        }
        const { since, extra } = this.epoch.resolve(checkpoint);
        const result = this.engine.pull(reader, collection, since, batchSize as number);
        connection.reply(id, collection, `{"documents":[${result.documents.join(',')}],"checkpoint":${this.epoch.checkpoint(result.seq)}}`, extra);
        return;
      }
      case 'masterWrite': {
        const rows = params[0];
        if (!Array.isArray(rows) || rows.some((r) => !r || typeof r !== 'object' || typeof (r as PushRow).newDocumentState !== 'object' || (r as PushRow).newDocumentState === null)) {
          connection.error(id, collection, 'bad_params', 'params are [rows], each {assumedMasterState?, newDocumentState}');
          return;
        }
        if (rows.length > this.options.maxBatchSize) {
          connection.error(id, collection, 'batch_too_large', `At most ${this.options.maxBatchSize} rows per write`);
          return;
        }
        const result = this.engine.push(reader, collection, rows as PushRow[]);
        // Acknowledged only now, after the commit.
        // `seq`: the sequence this write reached, so a device knows which of its writes a restore to an older backup lost.
        connection.reply(id, collection, `[${result.conflicts.join(',')}]`, `${result.rejected.length ? `,"rejected":${JSON.stringify(result.rejected)}` : ''},"seq":${result.seq}`);
        if (result.rejected.length) this.log.info({ collection, rejected: result.rejected }, 'sync rows refused');
        if (result.written > 0) this.notify();
        return;
      }
      case 'masterChangeStream$':
        connection.streams.add(collection);
        return;
    }
  }

  /**
   * Sends what changed since the last dispatch to every subscribed socket that may see it.
   *
   * A member whose own scope changed (a unit moved, a role granted) gets, per
   * collection, the whole delta since the last dispatch as the engine's pull
   * computes it: the changed documents plus the ones that entered or left their
   * scope (the member log). The stream never hands a device a checkpoint past
   * documents it did not deliver, so nothing depends on the device acting on
   * the RESYNC that follows (RxDB takes a stream event's checkpoint before it
   * acts on a RESYNC queued behind it, and then drops that RESYNC).
   */
  dispatch(): void {
    const since = this.dispatchedSeq;
    const changedScopes = new Set(this.engine.processScopeChanges());
    const { seq, batches, scopeChanged } = this.engine.changesSince(since);
    this.dispatchedSeq = Math.max(this.dispatchedSeq, seq);
    for (const id of scopeChanged) changedScopes.add(id);
    const unitsChanged = batches.some((b) => b.collection === this.engine.tree.source.collection);
    if (unitsChanged) this.engine.tree.refresh();
    const catchingUp = new Set<SyncConnection>();
    for (const connection of this.connections) {
      const reader = connection.reader;
      if (!reader) continue;
      if (unitsChanged || changedScopes.has(reader.actor.memberId)) {
        const loadedAt = this.engine.currentSeq();
        const actor = this.principals.load(reader.actor.memberId);
        if (!actor || actor.status === 'left') {
          connection.socket.close(SYNC_CLOSE.accountClosed, 'account closed');
          continue;
        }
        reader.reset(actor, loadedAt);
      }
      if (changedScopes.has(reader.actor.memberId)) catchingUp.add(connection);
    }
    for (const batch of batches) this.stream(batch, catchingUp);
    for (const connection of catchingUp) this.catchUp(connection, since);
  }

  /** A stream event: documents (already serialised) and the checkpoint they reach. */
  private streamMessage(collection: string, documents: readonly string[], seq: number): string {
    return `{"id":"stream","collection":${JSON.stringify(collection)},"result":{"documents":[${documents.join(',')}],"checkpoint":${this.epoch.checkpoint(seq)}}}`;
  }

  /** Streams a connection everything after `since` in pages, each with the checkpoint its content reaches. */
  private catchUp(connection: SyncConnection, since: number): void {
    const reader = connection.reader;
    if (!reader) return;
    for (const collection of connection.streams) {
      let cursor = since;
      for (;;) {
        const page = this.engine.pull(reader, collection, cursor, this.options.maxBatchSize);
        if (page.documents.length > 0) {
          connection.send(this.streamMessage(collection, page.documents, page.seq));
          this.onStreamMessage(collection, 1);
        }
        if (page.documents.length < this.options.maxBatchSize || page.seq <= cursor) break;
        cursor = page.seq;
      }
      // Kept for clients that pull on it (a pull from the checkpoint above finds nothing new); correctness no longer depends on it.
      connection.send(`{"id":"stream","collection":${JSON.stringify(collection)},"result":"RESYNC"}`);
    }
  }

  private stream(batch: StreamBatch, catchingUp: ReadonlySet<SyncConnection>): void {
    const registration = this.engine.registration(batch.collection);
    const live = batch.changed.filter((c) => !c.deleted).map((c) => c.id);
    const data = live.length ? this.engine.load(batch.collection, live) : new Map<string, string>();
    const messages = new Map<string, Buffer>();
    let sent = 0;
    for (const connection of this.connections) {
      const reader = connection.reader;
      if (!reader || !connection.streams.has(batch.collection) || catchingUp.has(connection)) continue;
      const docs: string[] = [];
      const ids: string[] = [];
      const visibleNow = new Set<string>();
      for (const change of batch.changed) {
        if (!reader.sees(registration, change.scope_unit, change.scope_member, batch.audience.get(change.id))) continue;
        visibleNow.add(change.id);
        const json = change.deleted ? this.engine.tombstone(batch.collection, change.id) : data.get(change.id);
        if (json) {
          docs.push(json);
          ids.push(change.id);
        }
      }
      for (const moved of batch.moved) {
        if (visibleNow.has(moved.id) || !reader.sees(registration, moved.scope_unit, moved.scope_member)) continue;
        docs.push(this.engine.tombstone(batch.collection, moved.id));
        ids.push(`-${moved.id}`);
      }
      for (const [id, rows] of batch.unheard) {
        if (visibleNow.has(id) || !reader.reached(registration, rows)) continue;
        docs.push(this.engine.tombstone(batch.collection, id));
        ids.push(`-${id}`);
      }
      if (docs.length === 0) continue;
      const key = ids.join('\n');
      let message = messages.get(key);
      if (message === undefined) {
        message = Buffer.from(this.streamMessage(batch.collection, docs, batch.seq));
        messages.set(key, message);
      }
      connection.send(message);
      sent += 1;
    }
    if (sent > 0) this.onStreamMessage(batch.collection, sent);
  }

  /** Closes the sockets whose session or token ended or whose member left. */
  private revalidate(): void {
    const open = [...this.connections].filter((c): c is SyncConnection & { auth: Credential } => c.auth !== null);
    if (open.length === 0) return;
    const valid = this.principals.stillValid(open.map((c) => c.auth));
    const closed = this.principals.closed([...new Set(open.map((c) => c.auth.principalId))]);
    for (const connection of open) {
      if (closed.has(connection.auth.principalId)) connection.socket.close(SYNC_CLOSE.accountClosed, 'account closed');
      else if (!valid.has(connection.auth.tokenHash)) connection.socket.close(SYNC_CLOSE.unauthenticated, 'session ended');
    }
  }
}
