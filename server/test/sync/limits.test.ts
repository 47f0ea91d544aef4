import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { seedOrg } from '../seed.ts';
import { openAs, RawClient, type Reply, startSyncServer, type SyncServer, waitFor } from './support.ts';

/**
 * What an anonymous or abusive client can make the server hold (issue 11 #4,
 * issue 12 part 3), through the real server on real sockets. Each limit is
 * lowered by its setting where the default would make the test slow.
 */
let server: SyncServer;
const clients: RawClient[] = [];
const sockets: (net.Socket | WebSocket)[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  for (const s of sockets.splice(0)) {
    if (s instanceof WebSocket) s.terminate();
    else s.destroy();
  }
  await server.close();
});

async function setup(env: Record<string, string> = {}) {
  server = await startSyncServer(env);
  await seedOrg(server);
  server.services.sync.processScopeChanges();
}

async function anonymous(): Promise<RawClient> {
  const client = await RawClient.open(server.url);
  clients.push(client);
  return client;
}

const pull = (id: string) => ({ id, collection: 'members', method: 'masterChangesSince', params: [null, 10] });

/** Opens a WebSocket from a given loopback address; resolves with 'open' or the HTTP status that refused it. */
function openFrom(localAddress: string): Promise<'open' | number> {
  const ws = new WebSocket(server.url, { localAddress });
  sockets.push(ws);
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve('open'));
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.once('error', reject);
  });
}

describe('sync: what a client may make the server hold before it authenticates', () => {
  it('holds at most 8 small requests before auth, refuses the rest at once, and answers the held ones after auth', async () => {
    await setup();
    const anon = await anonymous();
    const answers = Array.from({ length: 12 }, (_, i) => anon.send(pull(`h${i}`)));
    // The 4 over the count are refused at once, before any auth.
    const refused = await Promise.all(answers.slice(8));
    expect(refused.map((r) => r.error?.code)).toEqual(Array(4).fill('unauthenticated'));
    expect(anon.replies.map((r) => r.id).sort()).toEqual(['h10', 'h11', 'h8', 'h9']);
    // The 8 held are answered, in order, once auth arrives.
    const { token } = server.services.tokens.create('memA', 1);
    expect((await anon.request('members', 'auth', [{ Authorization: `Bearer ${token}` }])).result).toBe(true);
    const held = await Promise.all(answers.slice(0, 8));
    expect(held.every((r) => r.error === undefined && Array.isArray((r.result as { documents: unknown[] }).documents))).toBe(true);
  });

  it('holds at most 64 KiB before auth, and refuses a larger message unread', async () => {
    await setup();
    const anon = await anonymous();
    // A 15 KB request: four fit in 64 KiB, the fifth does not.
    const padded = (id: string) => ({ ...pull(id), pad: 'x'.repeat(15_000) });
    const answers = Array.from({ length: 5 }, (_, i) => anon.send(padded(`p${i}`)));
    expect((await answers[4])!.error?.code).toBe('unauthenticated');
    expect(anon.replies.map((r) => r.id)).toEqual(['p4']);
    // 1 MB of `{}` before auth is not even buffered: ws closes at the frame's header (1009, message too big).
    const big = `{"id":"big","collection":"members","method":"masterChangesSince","params":[${Array(300_000).fill('{}').join(',')}]}`;
    anon.ws.send(big);
    expect(await anon.closed).toBe(1009);
    // Once authenticated, a socket sends messages up to the full limit.
    const member = await openAs(server, 'memA', clients);
    const large = await member.send({ ...pull('large'), pad: 'x'.repeat(200_000) });
    expect(large.error).toBeUndefined();
  });

  it('refuses held requests at the auth deadline itself and closes the socket with 4401', async () => {
    await setup({ KUMIAI_SYNC_AUTH_TIMEOUT_MS: '300' });
    const opened = Date.now();
    const anon = await anonymous();
    const held = await anon.send(pull('late'));
    expect(held.error?.code).toBe('unauthenticated');
    expect(Date.now() - opened).toBeGreaterThanOrEqual(290);
    expect(await anon.closed).toBe(4401);
    // A socket that authenticates in time stays open past the deadline.
    const member = await openAs(server, 'memA', clients);
    await new Promise((r) => setTimeout(r, 400));
    expect(member.closeCode).toBeNull();
    expect((await member.request('members', 'masterChangesSince', [null, 10])).error).toBeUndefined();
  });
});

describe('sync: limits on every socket', () => {
  it('bounds a message by its parsing cost, not only its bytes', async () => {
    await setup();
    const client = await openAs(server, 'memA', clients);
    // 900 KB of `{}`: under the byte limit, but 300,000 objects once parsed.
    const objects = await client.sendRaw(`{"id":"o","collection":"members","method":"masterWrite","params":[[${Array(300_000).fill('{}').join(',')}]]}`);
    expect([objects.error?.code, objects.error?.message]).toEqual(['payload_too_large', expect.stringMatching(/more than 20000 objects and arrays/)]);
    const deep = await client.sendRaw(`{"id":"d","collection":"members","method":"masterWrite","params":${'['.repeat(100)}${']'.repeat(100)}}`);
    expect([deep.error?.code, deep.error?.message]).toEqual(['payload_too_large', expect.stringMatching(/nested deeper than 32/)]);
    const values = await client.sendRaw(`{"id":"v","collection":"members","method":"masterWrite","params":[[${Array(250_000).fill('1').join(',')}]]}`);
    expect([values.error?.code, values.error?.message]).toEqual(['payload_too_large', expect.stringMatching(/more than 200000 values/)]);
    // Brackets and commas inside strings are text, not structure: this one is read (and its params refused as params).
    const text = await client.send({ id: 't', collection: 'members', method: 'masterChangesSince', params: ['{['.repeat(30_000) + '\\"' + ',,'.repeat(110_000)] });
    expect(text.error?.code).toBe('bad_params');
    expect(client.closeCode).toBeNull();
    expect((await client.pullAll('members')).docs.has('memA')).toBe(true);
  });

  it('counts every frame against the rate, JSON or not, and closes a socket that keeps on (4408)', async () => {
    await setup();
    const client = await openAs(server, 'memA', clients);
    const bystander = await openAs(server, 'memB', clients);
    for (let i = 0; i < 2000; i++) client.ws.send(i % 2 ? 'not json' : Buffer.from([0xff, 0x00]));
    expect(await client.closed).toBe(4408);
    const codes = new Set(client.replies.filter((r: Reply) => r.id !== 'r0').map((r) => r.error?.code));
    expect(codes).toEqual(new Set(['bad_message', 'rate_limited']));
    // 400 (the burst) answered as bad_message, then at most 51 rate_limited before the close.
    expect(client.replies.filter((r) => r.error?.code === 'bad_message').length).toBeLessThanOrEqual(401);
    expect((await bystander.pullAll('members')).docs.has('memB')).toBe(true);
  });

  it('caps sync sockets per address with 429 before the handshake, without touching other addresses', async () => {
    await setup({ KUMIAI_SYNC_MAX_SOCKETS_PER_ADDRESS: '3' });
    for (let i = 0; i < 3; i++) expect(await openFrom('127.0.0.1')).toBe('open');
    expect(await openFrom('127.0.0.1')).toBe(429);
    expect(await openFrom('127.0.0.2')).toBe('open');
    expect(server.hub.size).toBe(4);
    // A closed socket frees its place.
    const first = sockets[0] as WebSocket;
    first.close();
    await waitFor(() => server.hub.size === 3);
    expect(await openFrom('127.0.0.1')).toBe('open');
  });

  it('limits how fast one address opens new sync sockets (a reconnect flood), not other addresses', async () => {
    // 1 a second with a burst of 6: the seventh socket opened at once is refused, even after the others closed.
    await setup({ KUMIAI_SYNC_NEW_SOCKETS_PER_SECOND: '1' });
    for (let i = 0; i < 6; i++) {
      expect(await openFrom('127.0.0.1')).toBe('open');
      (sockets[sockets.length - 1] as WebSocket).terminate();
    }
    await waitFor(() => server.hub.size === 0);
    expect(await openFrom('127.0.0.1')).toBe(429);
    expect(await openFrom('127.0.0.3')).toBe('open');
  });

  it('refuses a foreign Origin even when the Host header is forged to match it', async () => {
    await setup();
    await expect(RawClient.open(server.url, { headers: { origin: 'http://evil.example', host: 'evil.example' } })).rejects.toThrow(/HTTP 403/);
    await expect(RawClient.open(server.url, { headers: { origin: `http://127.0.0.1:${server.port}` } })).rejects.toThrow(/HTTP 403/);
    const own = await RawClient.open(server.url, { headers: { origin: server.config.publicUrl } });
    clients.push(own);
    expect(own.closeCode).toBeNull();
  });
});

describe('HTTP: connections per address', () => {
  it('closes a TCP connection over the per-address cap unread, while other addresses are served', async () => {
    await setup({ KUMIAI_MAX_CONNECTIONS_PER_ADDRESS: '5' });
    const connect = (localAddress: string) =>
      new Promise<net.Socket>((resolve, reject) => {
        const s = net.connect({ port: server.port, host: '127.0.0.1', localAddress }, () => resolve(s));
        sockets.push(s);
        s.once('error', reject);
      });
    /** Sends a request and resolves with the status line, or 'closed' when the server hangs up without answering. */
    const ask = (s: net.Socket) =>
      new Promise<string>((resolve) => {
        s.once('data', (d: Buffer) => resolve(d.toString().split('\r\n')[0]!));
        s.once('close', () => resolve('closed'));
        s.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
      });
    const held = [];
    for (let i = 0; i < 5; i++) held.push(await connect('127.0.0.1'));
    expect(await ask(await connect('127.0.0.1'))).toBe('closed');
    expect(await ask(await connect('127.0.0.2'))).toBe('HTTP/1.1 200 OK');
    expect(await ask(held[0]!)).toBe('HTTP/1.1 200 OK');
    held[1]!.destroy();
    await new Promise((r) => setTimeout(r, 100));
    expect(await ask(await connect('127.0.0.1'))).toBe('HTTP/1.1 200 OK');
  });
});
