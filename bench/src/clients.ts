import { memberDocSchema, type MemberDoc } from '@kumiai/shared';
import { createRxDatabase, type RxCollection, type RxDatabase } from 'rxdb/plugins/core';
import type { RxReplicationState } from 'rxdb/plugins/replication';
import { replicateWithWebsocketServer } from 'rxdb/plugins/replication-websocket';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import WebSocket from 'ws';
import { noteSchema, type NoteDoc } from './data.ts';

let counter = 0;

/** A fresh Node RxDB client (memory storage) with RxDB's stock WebSocket replication, not yet started. */
export async function rxClient<K extends 'members' | 'notes'>(kind: K): Promise<{ db: RxDatabase; collection: RxCollection<K extends 'members' ? MemberDoc : NoteDoc> }> {
  const db = await createRxDatabase({ name: `bench${process.pid}x${counter++}`, storage: getRxStorageMemory(), multiInstance: false });
  const schema = kind === 'members' ? memberDocSchema : noteSchema;
  const collections = await db.addCollections({ [kind]: { schema: schema as never } });
  return { db, collection: collections[kind] as RxCollection<K extends 'members' ? MemberDoc : NoteDoc> };
}

export function replicate(collection: RxCollection, url: string, token: string, batchSize = 1000): Promise<RxReplicationState<unknown, unknown>> {
  return replicateWithWebsocketServer({
    collection,
    replicationIdentifier: `bench-${url}-${counter++}`,
    url,
    live: true,
    batchSize,
    headers: { Authorization: `Bearer ${token}` },
  }) as Promise<RxReplicationState<unknown, unknown>>;
}

/** A raw protocol client: one socket, requests answered by id. */
export class RawClient {
  private next = 0;
  private readonly waiters = new Map<string, (text: string) => void>();

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data: Buffer) => {
      const text = data.toString('utf8');
      const id = /^\{"id":"([^"]*)"/.exec(text)?.[1];
      if (id === undefined) return;
      const waiter = this.waiters.get(id);
      this.waiters.delete(id);
      waiter?.(text);
    });
    ws.on('close', () => {
      for (const w of this.waiters.values()) w('{"error":{"code":"closed"}}');
      this.waiters.clear();
    });
  }

  static async open(url: string, token: string): Promise<RawClient> {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    const client = new RawClient(ws);
    // The peer never answers `auth`; a pull after it proves it was handled everywhere.
    ws.send(JSON.stringify({ id: 'auth', collection: 'members', method: 'auth', params: [{ Authorization: `Bearer ${token}` }] }));
    const first = await client.request('members', 'masterChangesSince', [null, 1]);
    if (first.includes('"error"')) throw new Error(`raw client refused: ${first.slice(0, 200)}`);
    return client;
  }

  /** Sends a request; resolves with the raw text of its reply (parse it yourself: that is part of a client's cost). */
  request(collection: string, method: string, params: unknown[]): Promise<string> {
    const id = `r${this.next++}`;
    return new Promise((resolve) => {
      this.waiters.set(id, resolve);
      this.ws.send(JSON.stringify({ id, collection, method, params }));
    });
  }

  close(): void {
    this.ws.terminate();
  }
}
