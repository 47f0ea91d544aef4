import { federationItemDocSchema, type FederationItemDoc } from '@kumiai/shared';
import { createRxDatabase, type RxCollection, type RxDatabase } from 'rxdb/plugins/core';
import { replicateWithWebsocketServer } from 'rxdb/plugins/replication-websocket';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, describe, expect, it } from 'vitest';
import { verifySigned } from '../../src/features/federation/federation-keys.ts';
import { RawClient, waitFor, type SyncServer } from '../sync/support.ts';
import { api, linkUnion, publishItem, serviceToken, startTrio, sync, type Trio } from './support.ts';

let trio: Trio;
const clients: RawClient[] = [];
let rx: { db: RxDatabase; cancel(): Promise<unknown> } | undefined;
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  if (rx) {
    await rx.cancel();
    await rx.db.close();
    rx = undefined;
  }
  await trio.close();
});

const linkId = (s: SyncServer) => s.db.prepare("SELECT id FROM link_federation WHERE status <> 'revoked'").pluck().get() as string;

async function peer(federation: SyncServer, token: string): Promise<RawClient> {
  const client = await RawClient.open(federation.url, { token });
  clients.push(client);
  return client;
}

describe('federation: a linked union is just another sync client with a narrow scope (issue 20)', () => {
  it('pulls and streams signed items, sees only its own link and reports, and is refused every member collection', async () => {
    trio = await startTrio();
    const { federation, union, other } = trio;
    await linkUnion(trio);
    await linkUnion(trio, other);
    // The federation's own notice to all its members: a union's service token must not reach it.
    const notice = await api(federation, 'FED-ADMIN-01', 'POST', '/api/notices', { title: '連合会の内部連絡', body: '役員のみ', audience: { all: true, units: [], roles: [], members: [] } });
    expect(notice.statusCode, notice.body).toBe(201);
    const first = await publishItem(federation, { title: '春闘方針' });

    const client = await peer(federation, serviceToken(union));
    const items = await client.pullAll('federation_items');
    const doc = items.docs.get(first.id) as FederationItemDoc;
    expect([...items.docs.keys()]).toEqual([first.id]);
    expect(verifySigned(federation.services.federationKeys.publicKey(), doc.message, doc.signature)).toBe(true);
    expect(JSON.parse(doc.message)).toMatchObject({ id: first.id, title: '春闘方針' });

    // Only its own link and its own reports.
    expect([...(await client.pullAll('federation_links')).docs.values()]).toEqual([expect.objectContaining({ id: linkId(union), status: 'active', pausedBy: null })]);
    await api(other, 'Z3P-0001', 'POST', '/api/federation/report/send', {});
    expect((await sync(other, 'Z3P-0001')).result).toMatchObject({ reportsDelivered: 1 });
    expect((await client.pullAll('federation_reports')).docs.size).toBe(0);

    // Nothing of the federation's own: every member collection is refused, whatever its read rules say.
    for (const collection of ['members', 'units', 'notices', 'documents', 'forms', 'consultations']) {
      const reply = await client.request(collection, 'masterChangesSince', [null, 10]);
      expect(reply.error?.code, collection).toBe('forbidden');
    }
    const write = await client.request('members', 'masterWrite', [[{ newDocumentState: { id: 'fadmin' } }]]);
    expect(write.error?.code).toBe('forbidden');

    // Live: an item published now is streamed to the connected union.
    client.subscribe('federation_items');
    const second = await publishItem(federation, { title: '統一行動', kind: 'action', question: '参加しますか' });
    await waitFor(() => client.streamed.some((m) => JSON.stringify(m.result).includes(second.id)), 5000, 'the new item streamed');

    // A member of the federation (its admin, with an API token) gets none of the federation collections.
    const member = await peer(federation, federation.services.tokens.create('fadmin', 1).token);
    for (const collection of ['federation_items', 'federation_links', 'federation_reports']) expect((await member.pullAll(collection)).docs.size, collection).toBe(0);
    const forged = await member.request('federation_reports', 'masterWrite', [[{ newDocumentState: { id: 'r1', message: '{}', signature: 'a'.repeat(86), updatedAt: 0 } }]]);
    expect(forged.rejected?.[0]?.code).toBe('forbidden');
  });

  it('an item stored before items were signed reaches the union only once signed (at start)', async () => {
    trio = await startTrio();
    const { federation, union } = trio;
    await linkUnion(trio);
    // As migration 0024 leaves an older item: no signed text.
    federation.db
      .prepare("INSERT INTO fed_items (id, seq, kind, title, body, materials, author_id, published_at) VALUES ('old-item', 1, 'notice', '旧方針', '本文', '[]', 'fadmin', ?)")
      .run(federation.clock.now());
    const client = await peer(federation, serviceToken(union));
    expect((await client.pullAll('federation_items')).docs.size).toBe(0);
    expect(federation.services.federationHub.signUnsigned()).toBe(1);
    const doc = (await client.pullAll('federation_items')).docs.get('old-item') as FederationItemDoc;
    expect(verifySigned(federation.services.federationKeys.publicKey(), doc.message, doc.signature)).toBe(true);
    expect((await sync(union)).result).toMatchObject({ received: 1 });
    expect(union.db.prepare('SELECT title FROM link_inbox').pluck().all()).toEqual(['旧方針']);
  });

  it('two syncs at once (the hourly job and “sync now”) take each item and report once', async () => {
    trio = await startTrio();
    const { federation, union } = trio;
    await linkUnion(trio);
    await publishItem(federation, { title: '一' });
    await api(union, 'K7Q-0001', 'POST', '/api/federation/report/send', {});
    const [a, b] = await Promise.all([union.services.federationLink.sync(), union.services.federationLink.sync()]);
    expect(a.received + b.received).toBe(1);
    expect(a.reportsDelivered + b.reportsDelivered).toBe(1);
    expect(union.db.prepare('SELECT count(*) FROM link_inbox').pluck().get()).toBe(1);
    expect(federation.db.prepare('SELECT count(*) FROM fed_reports').pluck().get()).toBe(1);
  });

  it('RxDB’s stock WebSocket client replicates federation_items with the service token', async () => {
    trio = await startTrio();
    const { federation, union } = trio;
    await linkUnion(trio);
    const published = [await publishItem(federation, { title: '一' }), await publishItem(federation, { title: '二' })].map((i) => i.id);
    const db = await createRxDatabase({ name: `federation-peer-${process.pid}`, storage: getRxStorageMemory() });
    const collections = await db.addCollections({ federation_items: { schema: federationItemDocSchema as never } });
    const collection = collections.federation_items as RxCollection<FederationItemDoc>;
    const replication = await replicateWithWebsocketServer({
      collection,
      replicationIdentifier: 'federation-peer',
      url: federation.url,
      live: true,
      batchSize: 50,
      headers: { Authorization: `Bearer ${serviceToken(union)}` },
    });
    rx = { db, cancel: () => replication.cancel() };
    await replication.awaitInSync();
    const ids = async () => (await collection.find().exec()).map((d) => d.primary).sort();
    expect(await ids()).toEqual([...published].sort());
    const third = await publishItem(federation, { title: '三' });
    await waitFor(async () => (await ids()).includes(third.id), 5000, 'the third item replicated live');
  });

  it('a pause closes the union’s open socket; while paused only its link syncs, and only the pausing side resumes', async () => {
    trio = await startTrio();
    const { federation, union } = trio;
    await linkUnion(trio);
    const id = linkId(union);
    const client = await peer(federation, serviceToken(union));
    client.subscribe('federation_items');
    await api(federation, 'FED-ADMIN-01', 'POST', `/api/federation/unions/${id}/pause`, {});
    // Authenticated while the link was active: closed at the next poll, to reconnect under the pause.
    expect(await client.closed).toBe(4401);

    const paused = await peer(federation, serviceToken(union));
    expect((await paused.request('federation_items', 'masterChangesSince', [null, 10])).error?.code).toBe('federation_link_paused');
    const link = [...(await paused.pullAll('federation_links')).docs.values()][0]!;
    expect(link).toMatchObject({ status: 'paused', pausedBy: 'federation' });
    // The union may not lift the federation's pause.
    const resume = await paused.request('federation_links', 'masterWrite', [[{ assumedMasterState: link, newDocumentState: { ...link, status: 'active', pausedBy: null } }]]);
    expect(resume.rejected?.[0]?.code).toBe('federation_link_paused');
    expect(federation.db.prepare('SELECT status FROM fed_unions WHERE id = ?').pluck().get(id)).toBe('paused');
    // Nor forge another state.
    const odd = await paused.request('federation_links', 'masterWrite', [[{ assumedMasterState: link, newDocumentState: { ...link, pausedBy: 'union' } }]]);
    expect(odd.rejected?.[0]?.code).toBe('forbidden_field');
  });
});
