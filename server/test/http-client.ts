import http from 'node:http';
import { startTestServer, type TestServer } from './helpers.ts';

export interface HttpServer extends TestServer {
  /** Where the real server listens, e.g. http://127.0.0.1:40123. */
  base: string;
  host: string;
  port: number;
}

/** The real app listening on a real TCP port (the socket's peer address is what Fastify sees). */
export async function startHttpServer(env: Record<string, string> = {}, host = '127.0.0.1'): Promise<HttpServer> {
  const server = await startTestServer(env);
  await server.app.listen({ host, port: 0 });
  const address = server.app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return Object.assign(server, { base: `http://${host.includes(':') ? `[${host}]` : host}:${port}`, host, port });
}

export interface HttpAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  json: <T = Record<string, unknown>>() => T;
}

export interface HttpRequest {
  method?: string;
  headers?: Record<string, string>;
  /** Sent as JSON unless `raw` is given. */
  json?: unknown;
  raw?: { type: string; body: Buffer | string };
  /** Binds the client's end of the socket to this local address (the server sees it as the peer). */
  localAddress?: string;
  /** Called once the whole request has been handed to the socket. */
  onSent?: () => void;
}

/** One request over a fresh TCP connection (no keep-alive, so concurrent requests are truly concurrent). */
export function request(server: HttpServer, path: string, options: HttpRequest = {}): Promise<HttpAnswer> {
  const body = options.raw ? Buffer.from(options.raw.body) : options.json === undefined ? undefined : Buffer.from(JSON.stringify(options.json));
  const headers: Record<string, string> = { ...options.headers };
  if (body) {
    headers['content-type'] = options.raw?.type ?? 'application/json';
    headers['content-length'] = String(body.length);
  }
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: server.host, port: server.port, path, method: options.method ?? (body ? 'POST' : 'GET'), headers, agent: false, ...(options.localAddress ? { localAddress: options.localAddress } : {}) },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: <T>() => JSON.parse(text) as T });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (options.onSent) req.on('finish', options.onSent);
    req.end(body);
  });
}

/**
 * Starts `count` requests, each once the previous one has been sent (so they
 * reach the server in this order) but without waiting for any answer: all are
 * in flight together. Resolves with the answers in the same order.
 */
export async function inFlight(count: number, make: (i: number, onSent: () => void) => Promise<HttpAnswer>): Promise<HttpAnswer[]> {
  const answers: Promise<HttpAnswer>[] = [];
  for (let i = 0; i < count; i++) {
    let sent!: () => void;
    const wasSent = new Promise<void>((resolve) => (sent = resolve));
    const answer = make(i, sent);
    answers.push(answer);
    await Promise.race([wasSent, answer]);
  }
  return Promise.all(answers);
}

/** Signs in with a password over HTTP and returns the headers a browser would send next (cookie and Origin). */
export async function httpSignIn(server: HttpServer, employeeNumber: string, password: string): Promise<Record<string, string>> {
  const res = await request(server, '/api/auth/sign-in', { json: { employeeNumber, password }, headers: { origin: server.config.publicUrl } });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${res.text}`);
  const cookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');
  return { cookie, origin: server.config.publicUrl };
}
