import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import { startTestServer, type TestServer } from '../../server/test/helpers.ts';
import { seedOrg } from '../../server/test/seed.ts';
import { settleOwedSignOut, SIGN_OUT_OWED_KEY } from '../src/features/auth/sign-out-queue.ts';
import { kioskSignOut } from '../src/features/kiosk/kiosk-sign-out.ts';
import type { SocketConstructor } from '../src/sync/connection.ts';
import { startSyncEngine } from '../src/sync/engine.ts';
import { unitsAndMembers } from './collections.ts';

/**
 * Issue 11 finding 8: the kiosk's idle sign-out with writes waiting (offline).
 * The member's device is a real sync engine against the real server; the
 * browser around it (storage, IndexedDB's list, the network, reload) is a
 * small stand-in, since these tests run in Node.
 */
const WS = WebSocket as unknown as SocketConstructor;
let server: TestServer | null = null;

afterEach(async () => {
  vi.unstubAllGlobals();
  await server?.close();
  server = null;
});

class MemoryStorage {
  private readonly items = new Map<string, string>();
  get length(): number {
    return this.items.size;
  }
  key(i: number): string | null {
    return [...this.items.keys()][i] ?? null;
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, String(value));
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  clear(): void {
    this.items.clear();
  }
}

/** What a kiosk browser shows of itself: its storage and IndexedDB databases, the network, reloads. */
function kioskBrowser(databases: string[]) {
  const state = { online: false, reloads: 0, url: '/', deleted: [] as string[], requests: [] as string[] };
  const local = new MemoryStorage();
  // Object.keys(localStorage) lists the stored keys in a browser.
  const localProxy = new Proxy(local, { ownKeys: (t) => [...(t as unknown as { items: Map<string, string> }).items.keys()], getOwnPropertyDescriptor: () => ({ enumerable: true, configurable: true }) });
  vi.stubGlobal('localStorage', localProxy);
  vi.stubGlobal('sessionStorage', new MemoryStorage());
  vi.stubGlobal('navigator', { get onLine() { return state.online; } });
  vi.stubGlobal('window', { history: { replaceState: (_s: unknown, _t: string, url: string) => (state.url = url) }, location: { reload: () => (state.reloads += 1) } });
  vi.stubGlobal('indexedDB', {
    databases: async () => databases.filter((d) => !state.deleted.includes(d)).map((name) => ({ name })),
    deleteDatabase: (name: string) => {
      state.deleted.push(name);
      const request: { onsuccess?: () => void } = {};
      setTimeout(() => request.onsuccess?.(), 0);
      return request;
    },
  });
  vi.stubGlobal('fetch', async (url: string) => {
    state.requests.push(url);
    if (!state.online) throw new TypeError('offline');
    return new Response('{"ok":true}', { status: 200, headers: { 'content-type': 'application/json' } });
  });
  return { state, local };
}

describe('kiosk idle sign-out', () => {
  it('with a write waiting offline, a tap is told the change will be lost; idle signs out, wipes, and ends the session once reachable', async () => {
    server = await startTestServer();
    await seedOrg(server);
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    const address = server.app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const { token } = server.services.tokens.create('memA', 1);
    const engine = await startSyncEngine({
      memberId: 'memA-kiosk',
      storage: getRxStorageMemory(),
      multiInstance: false,
      feedStatus: false,
      retryTimeMs: 200,
      collections: unitsAndMembers,
      connection: { url: `ws://127.0.0.1:${port}/api/sync`, WebSocket: WS, token, requestTimeoutMs: 3000, backoff: { initialMs: 50, maxMs: 500 } },
    });
    await engine.replication.awaitInSync();
    const { state, local } = kioskBrowser(['rxdb-dexie-kumiai-m-memA--members', 'rxdb-dexie-kumiai-m-memA--units']);
    local.setItem('kumiai.me', JSON.stringify({ memberId: 'memA', name: '組合員A' }));
    local.setItem('kumiai.lang', 'ja');

    // The network goes: the member changes their phone number, and the change waits.
    await server.close();
    server = null;
    const me = (await engine.database.db.members.findOne('memA').exec())!;
    await me.incrementalPatch({ phone: '080-2222-3333' });
    await engine.database.pending.flush();
    expect(engine.database.pending.count).toBe(1);

    // A tap on "sign out": the member is told, nothing is removed yet.
    expect(await kioskSignOut(engine)).toEqual({ blocked: 1 });
    expect(state.reloads).toBe(0);
    expect(state.deleted).toEqual([]);
    expect(local.getItem('kumiai.me')).not.toBeNull();

    // Tapped again, and the member walks away: the idle timer fires meanwhile. No "blocked" to answer: signed out and wiped.
    const tapped = kioskSignOut(engine);
    expect(await kioskSignOut(engine, { idle: true })).toBeNull();
    expect(await tapped).toBeNull();
    expect(state.reloads).toBe(1);
    expect(state.url).toBe('/kiosk');
    expect(state.deleted.sort()).toEqual(['rxdb-dexie-kumiai-m-memA--members', 'rxdb-dexie-kumiai-m-memA--units']);
    expect(local.getItem('kumiai.me')).toBeNull();
    expect(local.getItem('kumiai.lang')).toBe('ja');
    expect(engine.database.db.closed).toBe(true);
    // The server could not be told: the sign-out is owed, and sent first thing once the network is back.
    expect(local.getItem(SIGN_OUT_OWED_KEY)).toBe('this-device');
    state.online = true;
    expect(await settleOwedSignOut()).toBe(true);
    expect(state.requests).toEqual(['/api/auth/sign-out']);
    expect(local.getItem(SIGN_OUT_OWED_KEY)).toBeNull();
  });
});
