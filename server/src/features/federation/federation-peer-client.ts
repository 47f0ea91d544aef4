import { randomUUID } from 'node:crypto';
import { WebSocket } from 'ws';
import { isErrorCode, type PushRow, type Rejection } from '@kumiai/shared';
import { AppError } from '../../lib/errors.ts';

/** The most a federation's answer may be (a page of 100 items, each up to 200 kB of signed text). */
const MAX_ANSWER_BYTES = 24 * 1024 * 1024;

interface Pending {
  resolve(value: { result: unknown; rejected?: Rejection[] }): void;
  reject(error: AppError): void;
}

/** A federation's refusal as ours: its `federation_*` code (or `forbidden`), anything else is unreachable. */
function refusal(code: unknown, message: string): AppError {
  if (isErrorCode(code) && (code.startsWith('federation_') || code === 'forbidden')) return new AppError(code, code === 'forbidden' ? 403 : 409, `The federation refused: ${message}`);
  if (code === 'unauthenticated') return new AppError('federation_token_invalid', 401, `The federation did not accept the service token: ${message}`);
  return new AppError('federation_unreachable', 502, `The federation answered ${String(code)}: ${message}`);
}

/**
 * A union's server as a client of its federation's sync server: one WebSocket
 * to `<federation>/api/sync`, the service token in RxDB's `auth` message, then
 * the same requests a device sends (masterChangesSince from a checkpoint,
 * masterWrite), answered in order. `https:` becomes `wss:` (plain `ws:` only to
 * loopback, as `federationUrl` allows); no redirect is followed.
 */
export class PeerSession {
  private readonly pending = new Map<string, Pending>();
  private closedWith: AppError | null = null;

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data: Buffer) => this.onMessage(data));
    socket.on('close', (code: number, reason: Buffer) => this.fail(new AppError('federation_unreachable', 502, `The federation closed the link's socket (${code} ${reason.toString('utf8')})`)));
    socket.on('error', (error: Error) => this.fail(new AppError('federation_unreachable', 502, `The federation could not be reached: ${error.message}`)));
  }

  /** Opens the socket and authenticates; a refusal keeps the federation's code (`federation_link_revoked`). */
  static async open(baseUrl: string, token: string, timeoutMs = 15_000): Promise<PeerSession> {
    const url = new URL('/api/sync', baseUrl);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    const socket = new WebSocket(url, { handshakeTimeout: timeoutMs, maxPayload: MAX_ANSWER_BYTES, followRedirects: false });
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', (error: Error) => reject(new AppError('federation_unreachable', 502, `The federation could not be reached: ${error.message}`)));
      socket.once('unexpected-response', (_request, response) => {
        reject(new AppError('federation_unreachable', 502, `The federation answered ${response.statusCode} to the sync upgrade`));
        socket.terminate();
      });
    });
    const session = new PeerSession(socket);
    try {
      await session.request('', 'auth', [{ Authorization: `Bearer ${token}` }], timeoutMs);
    } catch (error) {
      session.close();
      throw error;
    }
    return session;
  }

  private onMessage(data: Buffer): void {
    let message: { id?: unknown; result?: unknown; rejected?: Rejection[]; error?: { code?: unknown; message?: unknown } };
    try {
      message = JSON.parse(data.toString('utf8')) as typeof message;
    } catch {
      this.fail(new AppError('federation_unreachable', 502, 'The federation sent something that is not JSON'));
      return;
    }
    if (typeof message.id !== 'string' || message.id === 'stream') return; // no stream was asked for
    const pending = this.pending.get(message.id);
    if (!pending) return;
    this.pending.delete(message.id);
    if (message.error) pending.reject(refusal(message.error.code, typeof message.error.message === 'string' ? message.error.message : ''));
    else pending.resolve({ result: message.result, rejected: message.rejected });
  }

  private fail(error: AppError): void {
    this.closedWith ??= error;
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
  }

  request(collection: string, method: string, params: unknown[], timeoutMs = 30_000): Promise<{ result: unknown; rejected?: Rejection[] }> {
    if (this.closedWith) return Promise.reject(this.closedWith);
    const id = randomUUID();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new AppError('federation_unreachable', 502, `The federation did not answer ${method} in time`));
      }, timeoutMs);
      timer.unref();
      this.pending.set(id, {
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      this.socket.send(JSON.stringify({ id, collection, method, params }));
    });
  }

  /** One page after `checkpoint` (null: from the start): the documents and the checkpoint they reach. */
  async pull<D>(collection: string, checkpoint: unknown, batchSize: number): Promise<{ documents: (D & { _deleted?: boolean })[]; checkpoint: unknown }> {
    const { result } = await this.request(collection, 'masterChangesSince', [checkpoint, batchSize]);
    const page = result as { documents?: unknown; checkpoint?: unknown } | null;
    if (!page || !Array.isArray(page.documents)) throw new AppError('federation_unreachable', 502, 'The federation answered a pull with something else');
    return { documents: page.documents as (D & { _deleted?: boolean })[], checkpoint: page.checkpoint ?? checkpoint };
  }

  /** A write: the masters in conflict and the rows refused (with their codes). */
  async push<D>(collection: string, rows: PushRow<D>[]): Promise<{ conflicts: D[]; rejected: Rejection[] }> {
    const { result, rejected } = await this.request(collection, 'masterWrite', [rows]);
    return { conflicts: Array.isArray(result) ? (result as D[]) : [], rejected: rejected ?? [] };
  }

  close(): void {
    this.closedWith ??= new AppError('federation_unreachable', 502, 'closed');
    this.socket.close(1000, 'done');
  }
}
