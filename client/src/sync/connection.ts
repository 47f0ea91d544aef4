import { BehaviorSubject, Subject, distinctUntilChanged, map, type Observable } from 'rxjs';
import { SYNC_CLOSE, type SyncMethod } from '@kumiai/shared';

/**
 * One WebSocket to `/api/sync` shared by every replicated collection.
 *
 * Why not RxDB's own websocket client: it opens one socket per collection and
 * cannot start without a network. This one starts "waiting" when offline, keeps
 * retrying with capped exponential backoff and jitter, and multiplexes requests
 * by id. A request sent while the socket is down waits for it (up to the request
 * timeout) and a request lost with its socket fails at once, so RxDB's own retry
 * (retryTime) sends it again: the server makes a repeated push idempotent.
 */

/** The part of the WebSocket API used here; the browser's and `ws`'s both fit. */
export interface SocketLike {
  readonly readyState: number;
  onopen: ((ev: unknown) => void) | null;
  onclose: ((ev: { code: number; reason?: string }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}
export type SocketConstructor = new (url: string) => SocketLike;

export type ConnectionState = 'idle' | 'connecting' | 'authenticating' | 'open' | 'waiting' | 'stopped';
/** Why the connection stopped for good: the UI says "sign in again" or removes the member's data. */
export type StopReason = 'unauthenticated' | 'account_closed' | 'stopped';

export interface ConnectionSnapshot {
  state: ConnectionState;
  stopReason: StopReason | null;
  /** Failed attempts since the last open socket. */
  attempt: number;
}

export interface SyncConnectionOptions {
  /** Defaults to ws(s)://<this origin>/api/sync. */
  url?: string;
  /** Defaults to the global WebSocket; Node tests pass `ws`. */
  WebSocket?: SocketConstructor;
  /** Non-browser clients only: sent in an `auth` message before anything else. */
  token?: string;
  requestTimeoutMs?: number;
  backoff?: { initialMs?: number; maxMs?: number };
  /** For tests: replaces Math.random in the jitter. */
  random?: () => number;
}

export class SyncRequestError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'SyncRequestError';
  }
}

export type StreamEvent = { documents: unknown[]; checkpoint: unknown } | 'RESYNC';

interface Waiting {
  resolve: (reply: Reply) => void;
  reject: (err: Error) => void;
  timer: ReturnType<typeof setTimeout>;
}
export interface Reply {
  result: unknown;
  /** Rows the server refused, beside a masterWrite result. */
  rejected?: unknown;
  /** The sequence a masterWrite reached; a pull's signal that the server was restored from a backup (issue 15). */
  seq?: unknown;
  restored?: unknown;
}

function defaultUrl(): string {
  const loc = globalThis.location;
  if (!loc) throw new Error('SyncConnection: no location; pass `url`');
  return `${loc.protocol === 'https:' ? 'wss:' : 'ws:'}//${loc.host}/api/sync`;
}

export class SyncConnection {
  private readonly state = new BehaviorSubject<ConnectionSnapshot>({ state: 'idle', stopReason: null, attempt: 0 });
  private readonly openedSubject = new Subject<void>();
  private readonly streams = new Map<string, Subject<StreamEvent>>();
  private readonly inflight = new Map<string, Waiting>();
  /** Requests waiting for an open socket: send, or fail. */
  private readonly openWaiters = new Map<() => void, (err: Error) => void>();
  private socket: SocketLike | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private nextId = 0;
  private started = false;
  private readonly url: string;
  private readonly Ctor: SocketConstructor;
  private readonly timeoutMs: number;
  private readonly initialMs: number;
  private readonly maxMs: number;
  private readonly random: () => number;

  /** The current state and every change. */
  readonly state$: Observable<ConnectionSnapshot> = this.state.asObservable();
  /** True while the socket is open and authenticated. */
  readonly online$: Observable<boolean> = this.state.pipe(
    map((s) => s.state === 'open'),
    distinctUntilChanged(),
  );
  /** Emits after every (re)connection, once streams are re-subscribed: replications call reSync(). */
  readonly opened$: Observable<void> = this.openedSubject.asObservable();

  constructor(private readonly options: SyncConnectionOptions = {}) {
    this.url = options.url ?? defaultUrl();
    const Ctor = options.WebSocket ?? (globalThis.WebSocket as unknown as SocketConstructor | undefined);
    if (!Ctor) throw new Error('SyncConnection: no WebSocket; pass `WebSocket`');
    this.Ctor = Ctor;
    this.timeoutMs = options.requestTimeoutMs ?? 15_000;
    this.initialMs = options.backoff?.initialMs ?? 500;
    this.maxMs = options.backoff?.maxMs ?? 30_000;
    this.random = options.random ?? Math.random;
  }

  get snapshot(): ConnectionSnapshot {
    return this.state.getValue();
  }

  /** Starts connecting; without a network it keeps waiting and retrying. Idempotent. */
  start(): void {
    if (this.started || this.snapshot.state === 'stopped') return;
    this.started = true;
    this.connect();
  }

  /** Closes for good (sign-out, member change). Waiting requests fail. */
  stop(reason: StopReason = 'stopped'): void {
    this.halt(reason);
    this.socket?.close(1000, 'client stopped');
    this.socket = null;
  }

  /** Tries now instead of waiting for the backoff (e.g. on the browser's `online` event). */
  retryNow(): void {
    if (!this.started || this.snapshot.state !== 'waiting') return;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.connect();
  }

  /**
   * The network went away (the browser's `offline` event): give up the socket
   * now instead of waiting for TCP to notice (an open socket can outlive the
   * network for minutes); reconnects with backoff, or at once on `retryNow`.
   */
  disconnect(): void {
    const socket = this.socket;
    if (!socket || this.snapshot.state === 'stopped') return;
    this.socket = null;
    socket.close(1000, 'offline');
    this.failInflight(new SyncRequestError('connection_lost', 'offline'));
    this.scheduleRetry();
  }

  /** Stream events of one collection; its `masterChangeStream$` is (re)sent on every open socket. */
  stream$(collection: string): Observable<StreamEvent> {
    let subject = this.streams.get(collection);
    if (!subject) {
      subject = new Subject<StreamEvent>();
      this.streams.set(collection, subject);
      if (this.snapshot.state === 'open') this.subscribeStream(collection);
    }
    return subject.asObservable();
  }

  /** One request; waits for an open socket up to the timeout, then for the reply within the same timeout. */
  request(collection: string, method: SyncMethod, params: unknown[]): Promise<Reply> {
    const id = `r${++this.nextId}`;
    return new Promise<Reply>((resolve, reject) => {
      const fail = (err: Error): void => {
        this.inflight.delete(id);
        this.openWaiters.delete(send);
        clearTimeout(timer);
        reject(err);
      };
      const timer = setTimeout(() => fail(new SyncRequestError('timeout', `${method} timed out`)), this.timeoutMs);
      const send = (): void => {
        this.openWaiters.delete(send);
        this.inflight.set(id, { resolve, reject: fail, timer });
        this.socket?.send(JSON.stringify({ id, collection, method, params }));
      };
      if (this.snapshot.state === 'stopped') fail(new SyncRequestError('stopped', 'connection stopped'));
      else if (this.snapshot.state === 'open' || method === 'auth') send();
      else this.openWaiters.set(send, fail);
    });
  }

  private set(patch: Partial<ConnectionSnapshot>): void {
    this.state.next({ ...this.snapshot, ...patch });
  }

  private halt(reason: StopReason): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.set({ state: 'stopped', stopReason: reason });
    this.failInflight(new SyncRequestError('stopped', `connection stopped: ${reason}`));
    for (const fail of [...this.openWaiters.values()]) fail(new SyncRequestError('stopped', `connection stopped: ${reason}`));
  }

  private failInflight(err: Error): void {
    for (const [id, w] of [...this.inflight]) {
      this.inflight.delete(id);
      clearTimeout(w.timer);
      w.reject(err);
    }
  }

  private connect(): void {
    this.set({ state: 'connecting' });
    let socket: SocketLike;
    try {
      socket = new this.Ctor(this.url);
    } catch {
      this.scheduleRetry();
      return;
    }
    this.socket = socket;
    socket.onmessage = (ev) => {
      if (this.socket === socket) this.onMessage(ev.data);
    };
    socket.onerror = () => undefined; // a close event follows; handled there
    socket.onclose = (ev) => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.failInflight(new SyncRequestError('connection_lost', 'socket closed'));
      if (ev.code === SYNC_CLOSE.unauthenticated) this.halt('unauthenticated');
      else if (ev.code === SYNC_CLOSE.accountClosed) this.halt('account_closed');
      else if (this.snapshot.state !== 'stopped') this.scheduleRetry();
    };
    socket.onopen = () => {
      if (this.socket !== socket) return;
      void this.afterOpen();
    };
  }

  private async afterOpen(): Promise<void> {
    const token = this.options.token;
    if (token) {
      this.set({ state: 'authenticating' });
      try {
        const collection = [...this.streams.keys()][0] ?? 'members';
        await this.request(collection, 'auth', [{ Authorization: `Bearer ${token}` }]);
      } catch (err) {
        if (err instanceof SyncRequestError && (err.code === 'unauthenticated' || err.code === 'account_closed')) {
          this.stop(err.code === 'account_closed' ? 'account_closed' : 'unauthenticated');
        } else {
          this.socket?.close(4000, 'auth failed');
        }
        return;
      }
    }
    this.set({ state: 'open', attempt: 0 });
    for (const collection of this.streams.keys()) this.subscribeStream(collection);
    for (const send of [...this.openWaiters.keys()]) send();
    this.openedSubject.next();
  }

  private subscribeStream(collection: string): void {
    this.socket?.send(JSON.stringify({ id: 'stream', collection, method: 'masterChangeStream$', params: [] }));
  }

  /** Exponential backoff from initialMs, capped at maxMs, with "full jitter" (50–100 %) so devices spread out. */
  private scheduleRetry(): void {
    const attempt = this.snapshot.attempt + 1;
    const base = Math.min(this.maxMs, this.initialMs * 2 ** (attempt - 1));
    const delay = Math.round(base * (0.5 + this.random() / 2));
    this.set({ state: 'waiting', attempt });
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.connect();
    }, delay);
  }

  private onMessage(data: unknown): void {
    let msg: { id?: unknown; collection?: unknown; result?: unknown; rejected?: unknown; seq?: unknown; restored?: unknown; error?: { code?: unknown; message?: unknown } };
    try {
      msg = JSON.parse(typeof data === 'string' ? data : String(data)) as typeof msg;
    } catch {
      return; // not ours to crash on; the request times out
    }
    if (msg.id === 'stream') {
      if (typeof msg.collection !== 'string') return;
      if (msg.error) return; // a refused stream subscription: the pull on reconnect still brings everything
      this.streams.get(msg.collection)?.next(msg.result as StreamEvent);
      return;
    }
    if (typeof msg.id !== 'string') return;
    const waiting = this.inflight.get(msg.id);
    if (!waiting) return; // answer to a request that already timed out
    this.inflight.delete(msg.id);
    clearTimeout(waiting.timer);
    if (msg.error) {
      const { code, message } = msg.error;
      waiting.reject(new SyncRequestError(typeof code === 'string' ? code : 'internal', typeof message === 'string' ? message : ''));
      // Cookie-authenticated (no token): a socket opened after the session ended (revoked or expired while
      // this device was offline) is accepted unauthenticated and its requests refused; that is the same as 4401.
      if (code === 'unauthenticated' && !this.options.token) {
        const socket = this.socket;
        this.socket = null;
        this.halt('unauthenticated');
        socket?.close(1000, 'session ended');
      }
    } else {
      waiting.resolve({ result: msg.result, rejected: msg.rejected, seq: msg.seq, restored: msg.restored });
    }
  }
}
