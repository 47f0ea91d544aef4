import { syncMethods, type ErrorCode, type SyncErrorCode, type SyncMethod } from '@kumiai/shared';
import type { Credential } from './principal.ts';
import type { WebSocket } from 'ws';
import type { Reader } from './reader.ts';


export interface ParsedRequest {
  id: string;
  collection: string;
  method: SyncMethod;
  params: unknown[];
}

/**
 * A request kept until `auth`: as its text, not its parsed tree, so what is
 * held costs its bytes (64 KiB of `{}` parsed would be 21,000 objects).
 */
export interface HeldRequest {
  id: string;
  collection: string;
  text: string;
}

/** A token bucket: a burst of `capacity` messages, refilled at `perSecond`. */
export class RateLimiter {
  private tokens: number;
  private last: number;

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    private readonly now: () => number,
  ) {
    this.tokens = capacity;
    this.last = now();
  }

  take(): boolean {
    const now = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

const LEADING_ID = /^\s*\{\s*"id"\s*:\s*"([^"\\]{1,200})"(?:\s*,\s*"collection"\s*:\s*"([^"\\]{0,64})")?/;

/** The id of a request that is not read (rate-limited), when it comes first as RxDB's and our clients send it. */
export const peekId = (data: Buffer): string => peekEnvelope(data).id;

/** The id and collection of a request not read yet, when they come first (as RxDB's and our clients send them). */
export function peekEnvelope(data: Buffer): { id: string; collection: string } {
  const match = LEADING_ID.exec(data.subarray(0, 320).toString('utf8'));
  return { id: match?.[1] ?? '', collection: match?.[2] ?? '' };
}

/**
 * ws keeps each frame whole in memory until it is complete, up to its
 * `maxPayload`: before `auth` a frame may be only as large as what is held, so
 * an anonymous socket cannot park megabytes. ws has no public per-socket limit;
 * its receiver checks this field at each frame header (ws 8), closing with 1009.
 */
export function setFrameCeiling(socket: WebSocket, bytes: number): void {
  const receiver = (socket as unknown as { _receiver?: { _maxPayload?: unknown } })._receiver;
  if (receiver && typeof receiver._maxPayload === 'number') receiver._maxPayload = bytes;
}

/** Validates the envelope of a request; the method handlers validate their params. */
export function parseRequest(raw: unknown): ParsedRequest | { error: SyncErrorCode; id: string; collection: string; message: string } {
  const obj = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : null;
  const id = typeof obj?.id === 'string' && obj.id.length <= 200 ? obj.id : '';
  const collection = typeof obj?.collection === 'string' && obj.collection.length <= 64 ? obj.collection : '';
  if (!obj || !id) return { error: 'bad_message', id, collection, message: 'A request needs a string id' };
  if (typeof obj.method !== 'string' || !(syncMethods as readonly string[]).includes(obj.method)) {
    return { error: 'unknown_method', id, collection, message: `Unknown method ${String(obj.method).slice(0, 40)}` };
  }
  if (!Array.isArray(obj.params)) return { error: 'bad_params', id, collection, message: 'params must be an array' };
  return { id, collection, method: obj.method as SyncMethod, params: obj.params };
}

/** One client's socket: its authentication, what it reads, what it streams. */
export class SyncConnection {
  auth: Credential | null = null;
  reader: Reader | null = null;
  readonly streams = new Set<string>();
  violations = 0;
  /** Requests that arrived before `auth` (RxDB's client flushes its queue first after a reconnect): a few small ones. */
  readonly held: HeldRequest[] = [];
  heldBytes = 0;
  /** Set while the socket must still authenticate; at its deadline held requests are refused and the socket closed. */
  authTimer: NodeJS.Timeout | null = null;

  constructor(
    readonly socket: WebSocket,
    readonly limiter: RateLimiter,
    /** The client's address, for the per-address socket cap. */
    readonly address: string,
  ) {}

  /** Takes the held requests out (to answer or refuse them). */
  takeHeld(): HeldRequest[] {
    this.heldBytes = 0;
    return this.held.splice(0);
  }

  /** Text frames only; a Buffer lets one encoding of a fan-out message serve every socket. */
  send(text: string | Buffer): void {
    if (this.socket.readyState === this.socket.OPEN) this.socket.send(text, { binary: false });
  }

  reply(id: string, collection: string, resultJson: string, extra = ''): void {
    this.send(`{"id":${JSON.stringify(id)},"collection":${JSON.stringify(collection)},"result":${resultJson}${extra}}`);
  }

  /** An error answer: the protocol's codes, or a principal's own refusal (e.g. `federation_link_paused`). */
  error(id: string, collection: string, code: SyncErrorCode | ErrorCode, message: string): void {
    this.send(JSON.stringify({ id, collection, error: { code, message } }));
  }
}
