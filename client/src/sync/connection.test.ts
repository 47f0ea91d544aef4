import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { firstValueFrom, filter } from 'rxjs';
import { SyncConnection, SyncRequestError, type SocketConstructor, type StreamEvent } from './connection.ts';
import { startFakeServer, type FakeServer } from './test-server.ts';

const WS = WebSocket as unknown as SocketConstructor;
let server: FakeServer | null = null;
let conn: SyncConnection | null = null;

afterEach(async () => {
  conn?.stop();
  conn = null;
  await server?.close();
  server = null;
});

/** Waits for an eventual condition; the deadline is generous: a loaded 2-core machine is slow, and this is no timing target. */
function until(predicate: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  return new Promise((resolve, reject) => {
    const tick = (): void => {
      if (predicate()) resolve();
      else if (Date.now() > end) reject(new Error('condition not met in time'));
      else setTimeout(tick, 10);
    };
    tick();
  });
}

describe('SyncConnection', () => {
  it('sends auth first, then multiplexes requests answered out of order', async () => {
    server = await startFakeServer();
    const held: { id: string; collection: string }[] = [];
    server.handler = (msg, socket) => {
      if (msg.method === 'auth') return { id: msg.id, collection: msg.collection, result: true };
      held.push(msg);
      if (held.length === 2) {
        // answer in reverse order
        for (const m of [...held].reverse()) server?.send(socket, { id: m.id, collection: m.collection, result: `for ${m.collection}` });
      }
      return undefined;
    };
    conn = new SyncConnection({ url: server.url, WebSocket: WS, token: 'T0KEN' });
    const a = conn.request('units', 'masterChangesSince', [null, 10]);
    const b = conn.request('members', 'masterChangesSince', [null, 10]);
    conn.start();
    await expect(a).resolves.toMatchObject({ result: 'for units' });
    await expect(b).resolves.toMatchObject({ result: 'for members' });
    expect(server.received[0]).toMatchObject({ method: 'auth', params: [{ Authorization: 'Bearer T0KEN' }] });
    expect(server.received.slice(1).map((m) => m.method)).toEqual(['masterChangesSince', 'masterChangesSince']);
  });

  it('passes rejected rows and error replies through', async () => {
    server = await startFakeServer();
    server.handler = (msg) =>
      msg.collection === 'bad'
        ? { id: msg.id, collection: msg.collection, error: { code: 'unknown_collection', message: 'no' } }
        : { id: msg.id, collection: msg.collection, result: [], rejected: [{ id: 'm1', code: 'forbidden_field', message: 'x', field: 'name' }] };
    conn = new SyncConnection({ url: server.url, WebSocket: WS });
    conn.start();
    await expect(conn.request('members', 'masterWrite', [[]])).resolves.toMatchObject({ result: [], rejected: [{ id: 'm1', field: 'name' }] });
    const err = await conn.request('bad', 'masterWrite', [[]]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SyncRequestError);
    expect((err as SyncRequestError).code).toBe('unknown_collection');
  });

  it('times out an unanswered request and fails one lost with its socket at once', async () => {
    server = await startFakeServer();
    server.handler = () => undefined;
    conn = new SyncConnection({ url: server.url, WebSocket: WS, requestTimeoutMs: 150, backoff: { initialMs: 20, maxMs: 40 } });
    conn.start();
    const started = Date.now();
    await expect(conn.request('units', 'masterChangesSince', [null, 1])).rejects.toMatchObject({ code: 'timeout' });
    expect(Date.now() - started).toBeLessThan(1000);
    const lost = conn.request('units', 'masterChangesSince', [null, 1]);
    await until(() => server!.received.length === 2);
    server.sockets[0]?.terminate();
    await expect(lost).rejects.toMatchObject({ code: 'connection_lost' });
  });

  it('starts without a server, backs off (capped, with jitter) and works once the server appears', async () => {
    const probe = await startFakeServer();
    const port = probe.port;
    await probe.close();
    conn = new SyncConnection({ url: `ws://127.0.0.1:${port}/api/sync`, WebSocket: WS, requestTimeoutMs: 1800, backoff: { initialMs: 20, maxMs: 80 }, random: () => 1 });
    const attempts: number[] = [];
    conn.state$.subscribe((s) => {
      if (s.state === 'waiting') attempts.push(s.attempt);
    });
    conn.start();
    const request = conn.request('units', 'masterChangesSince', [null, 1]); // made while offline: waits
    await until(() => attempts.length >= 4);
    expect(attempts.slice(0, 4)).toEqual([1, 2, 3, 4]);
    server = await startFakeServer(port);
    await expect(request).resolves.toMatchObject({ result: null });
    expect(conn.snapshot).toMatchObject({ state: 'open', attempt: 0 });
  });

  it('re-subscribes every stream after a reconnect and announces it', async () => {
    server = await startFakeServer();
    conn = new SyncConnection({ url: server.url, WebSocket: WS, backoff: { initialMs: 20, maxMs: 40 } });
    const units: StreamEvent[] = [];
    conn.stream$('units').subscribe((ev) => units.push(ev));
    conn.stream$('members').subscribe(() => undefined);
    let opened = 0;
    conn.opened$.subscribe(() => opened++);
    conn.start();
    await until(() => server!.received.filter((m) => m.method === 'masterChangeStream$').length === 2);
    server.send(server.sockets[0]!, { id: 'stream', collection: 'units', result: { documents: [{ id: 'u1' }], checkpoint: { seq: 3 } } });
    await until(() => units.length === 1);
    server.sockets[0]?.close(1001, 'going away');
    await until(() => server!.received.filter((m) => m.method === 'masterChangeStream$').length === 4);
    expect(server.connections).toBe(2);
    expect(opened).toBe(2);
    const streams = server.received.filter((m) => m.method === 'masterChangeStream$');
    expect(streams.every((m) => m.id === 'stream')).toBe(true);
    expect(new Set(streams.map((m) => m.collection))).toEqual(new Set(['units', 'members']));
  });

  it('stops for good on 4403 and on 4401, saying why', async () => {
    for (const [code, reason] of [
      [4403, 'account_closed'],
      [4401, 'unauthenticated'],
    ] as const) {
      server = await startFakeServer();
      conn = new SyncConnection({ url: server.url, WebSocket: WS, backoff: { initialMs: 10, maxMs: 20 } });
      conn.start();
      await firstValueFrom(conn.online$.pipe(filter(Boolean)));
      server.sockets[0]?.close(code, 'bye');
      await until(() => conn!.snapshot.state === 'stopped');
      expect(conn.snapshot.stopReason).toBe(reason);
      await new Promise((r) => setTimeout(r, 100));
      expect(server.connections).toBe(1);
      await expect(conn.request('units', 'masterWrite', [[]])).rejects.toMatchObject({ code: 'stopped' });
      conn.stop();
      await server.close();
      server = null;
    }
  });
});
