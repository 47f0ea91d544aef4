import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { WebSocket } from 'ws';
import type { TestServer } from '../../server/test/helpers.ts';
import type { SocketConstructor } from '../src/sync/connection.ts';
import type { CollectionRegistration } from '../src/sync/registration.ts';
import { startSyncEngine, type SyncEngine } from '../src/sync/engine.ts';

const WS = WebSocket as unknown as SocketConstructor;

/** Starts listening on 127.0.0.1 (a free port) and answers the sync socket's URL. */
export async function listenForDevices(server: TestServer): Promise<string> {
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  const address = server.app.server.address();
  return `ws://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/api/sync`;
}

/**
 * Members' devices for tests against the real server: the app's client sync
 * engine on in-memory RxDB over a real socket, each signed in with a token.
 * `stopAll` in afterEach. RxDB's free edition opens at most 13 collections per
 * process: give each device only the collections the test needs.
 */
export class Devices {
  private readonly engines: SyncEngine[] = [];

  /** `databaseId` tells two devices of one member apart (default: the member's id). */
  async start(server: TestServer, memberId: string, url: string, collections: readonly CollectionRegistration[], databaseId = memberId): Promise<SyncEngine> {
    const { token } = server.services.tokens.create(memberId, 1);
    const engine = await startSyncEngine({
      memberId: databaseId,
      storage: getRxStorageMemory(),
      multiInstance: false,
      feedStatus: false,
      retryTimeMs: 200,
      collections,
      connection: { url, WebSocket: WS, token, requestTimeoutMs: 3000, backoff: { initialMs: 50, maxMs: 500 } },
    });
    this.engines.push(engine);
    return engine;
  }

  async stop(engine: SyncEngine): Promise<void> {
    this.engines.splice(this.engines.indexOf(engine), 1);
    await engine.stop();
  }

  async stopAll(): Promise<void> {
    for (const e of this.engines.splice(0)) await e.stop();
  }
}
