import { WebSocket } from 'ws';
import type { AnyRegistration } from '../../src/sync/registry.ts';
import { startTestServer, type TestServer } from '../helpers.ts';

export interface SyncServer extends TestServer {
  url: string;
  port: number;
}

/** The real app listening on 127.0.0.1 (a real WebSocket), on a real SQLite file. */
export async function startSyncServer(env: Record<string, string> = {}, options: { dataDir?: string; keepData?: boolean; port?: number; collections?: readonly AnyRegistration[] } = {}): Promise<SyncServer> {
  const server = await startTestServer({ KUMIAI_SYNC_POLL_MS: '50', ...env }, options);
  await server.app.listen({ host: '127.0.0.1', port: options.port ?? 0 });
  const address = server.app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return Object.assign(server, { url: `ws://127.0.0.1:${port}/api/sync`, port });
}

export interface Reply {
  id: string;
  collection: string;
  result?: unknown;
  rejected?: { id: string; code: string; field?: string }[];
  error?: { code: string; message: string };
}

/** A raw protocol client: requests by id, stream messages collected. */
export class RawClient {
  readonly streamed: Reply[] = [];
  readonly replies: Reply[] = [];
  private next = 0;
  private waiters = new Map<string, (reply: Reply) => void>();
  closeCode: number | null = null;
  readonly closed: Promise<number>;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data: Buffer) => {
      const msg = JSON.parse(data.toString()) as Reply;
      if (msg.id === 'stream') this.streamed.push(msg);
      else {
        this.replies.push(msg);
        this.waiters.get(msg.id)?.(msg);
        this.waiters.delete(msg.id);
      }
    });
    this.closed = new Promise((resolve) =>
      ws.on('close', (code) => {
        this.closeCode = code;
        // Requests in flight when the socket closes get no answer: fail them.
        for (const [id, waiter] of this.waiters) waiter({ id, collection: '', error: { code: 'closed', message: `socket closed ${code}` } });
        this.waiters.clear();
        resolve(code);
      }),
    );
  }

  static async open(url: string, options: { token?: string; headers?: Record<string, string> } = {}): Promise<RawClient> {
    const ws = new WebSocket(url, { headers: options.headers });
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
      ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    });
    const client = new RawClient(ws);
    if (options.token) {
      const reply = await client.request('members', 'auth', [{ Authorization: `Bearer ${options.token}` }]);
      if (reply.error) throw new Error(`auth failed: ${reply.error.code}`);
    }
    return client;
  }

  /** Subscribes to the live stream of a collection (the server does not answer this). */
  subscribe(collection: string): void {
    this.ws.send(JSON.stringify({ id: 'stream', collection, method: 'masterChangeStream$', params: [] }));
  }

  request(collection: string, method: string, params: unknown[]): Promise<Reply> {
    const id = `r${this.next++}`;
    return this.send({ id, collection, method, params });
  }

  /** Sends any payload; resolves with the reply that carries its id. */
  send(message: Record<string, unknown> & { id: string }): Promise<Reply> {
    return new Promise((resolve) => {
      this.waiters.set(message.id, resolve);
      this.ws.send(JSON.stringify(message));
    });
  }

  /** Sends raw text and resolves with the next reply (errors to unparseable messages carry an empty id). */
  sendRaw(text: string | Buffer): Promise<Reply> {
    return new Promise((resolve) => {
      this.waiters.set('', resolve);
      this.ws.send(text);
    });
  }

  /** Pulls everything from a checkpoint to the end; returns documents by id (last version wins) and the checkpoint. */
  async pullAll(collection: string, since: { seq: number } | null = null, batchSize = 50): Promise<{ docs: Map<string, Record<string, unknown>>; checkpoint: { seq: number } | null }> {
    const docs = new Map<string, Record<string, unknown>>();
    let checkpoint = since;
    for (;;) {
      const reply = await this.request(collection, 'masterChangesSince', [checkpoint, batchSize]);
      if (reply.error) throw new Error(reply.error.code);
      const result = reply.result as { documents: Record<string, unknown>[]; checkpoint: { seq: number } };
      for (const doc of result.documents) docs.set(doc.id as string, doc);
      checkpoint = result.checkpoint;
      if (result.documents.length < batchSize) return { docs, checkpoint };
    }
  }

  close(): void {
    this.ws.close();
  }
}

export async function waitFor<T>(check: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 5000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A raw client signed in as that member with a fresh bearer token, remembered for closing after the test. */
export async function openAs(server: SyncServer, memberId: string, clients: RawClient[]): Promise<RawClient> {
  const client = await RawClient.open(server.url, { token: server.services.tokens.create(memberId, 1).token });
  clients.push(client);
  return client;
}

/** A notice or document audience: nobody unless given. */
export const audience = (a: Partial<{ all: boolean; units: string[]; roles: string[]; members: string[] }>) => ({ all: false, units: [], roles: [], members: [], ...a });
