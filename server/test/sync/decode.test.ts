import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.ts';
import { ALLOW, type CollectionRegistration } from '../../src/sync/registry.ts';
import { tempDir } from '../helpers.ts';
import { seedOrg } from '../seed.ts';
import { openAs, startSyncServer, waitFor, type RawClient, type SyncServer } from './support.ts';

let server: SyncServer | undefined;
const clients: RawClient[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await server?.close();
  server = undefined;
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

type Note = { id: string; body: string; updatedAt: number };
/** Stored "sealed" as the reversed text behind a prefix; decode opens it, and refuses anything else (so a removal passing through it would fail). */
const open = (stored: string) => {
  if (!stored.startsWith('enc:')) throw new Error(`decode got something not sealed: ${stored}`);
  return [...stored.slice(4)].reverse().join('');
};
const seal = (plain: string) => `enc:${[...plain].reverse().join('')}`;

describe('a registration’s per-row decode hook (sync engine)', () => {
  it('hands devices the decoded document on pull, stream and conflict, while the table keeps only the stored form; removals never pass through it', async () => {
    const dataDir = tempDir();
    dirs.push(dataDir);
    const setup = openDatabase(dataDir);
    setup.exec('CREATE TABLE scratch_sealed (id TEXT PRIMARY KEY, member_id TEXT NOT NULL, body TEXT NOT NULL, gone INTEGER NOT NULL DEFAULT 0, updated_at INTEGER NOT NULL)');
    setup.close();
    const notes: CollectionRegistration<Note> = {
      name: 'scratch_sealed',
      schema: {
        title: 'scratch_sealed',
        version: 0,
        primaryKey: 'id',
        type: 'object',
        properties: { id: { type: 'string', maxLength: 100 }, body: { type: 'string' }, updatedAt: { type: 'number' } },
        required: ['id', 'body', 'updatedAt'],
      },
      source: { table: 'scratch_sealed', projection: `json_object('id', t.id, 'body', t.body, 'updatedAt', t.updated_at)` },
      decode: (doc) => ({ ...doc, body: open(doc.body) }),
      capture: { member: 'member_id', deleted: 'gone' },
      readableUnits: () => [],
      readsOwn: (actor) => actor.status !== 'left',
      serverOwned: ['updatedAt'],
      write: {
        check: () => ALLOW,
        apply: (ctx, next) => {
          ctx.stmt('INSERT INTO scratch_sealed (id, member_id, body, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at').run(next.id, ctx.actor.memberId, seal(next.body), ctx.now);
        },
      },
    };
    server = await startSyncServer({}, { dataDir, keepData: true, collections: [notes] });
    await seedOrg(server);
    const memA = await openAs(server, 'memA', clients);
    memA.subscribe('scratch_sealed');
    await memA.pullAll('scratch_sealed');

    const pushed = await memA.request('scratch_sealed', 'masterWrite', [[{ newDocumentState: { id: 'n1', body: 'こんにちは', updatedAt: 1 } }]]);
    expect(pushed.rejected ?? []).toEqual([]);
    expect(server.db.prepare('SELECT body FROM scratch_sealed').pluck().get()).toBe(seal('こんにちは'));
    const first = await memA.pullAll('scratch_sealed');
    expect(first.docs.get('n1')).toMatchObject({ body: 'こんにちは', _deleted: false });
    await waitFor(() => memA.streamed.some((m) => JSON.stringify(m.result).includes('こんにちは')), 3000, 'the decoded document on the stream');
    // A retry of the same write is recognised against the decoded master (no conflict, no second write) …
    const retried = await memA.request('scratch_sealed', 'masterWrite', [[{ newDocumentState: { id: 'n1', body: 'こんにちは', updatedAt: 1 } }]]);
    expect(retried.result).toEqual([]);
    // … and a stale write gets the decoded master back as its conflict.
    server.db.prepare("UPDATE scratch_sealed SET body = ?, updated_at = 5 WHERE id = 'n1'").run(seal('更新後'));
    const stale = await memA.request('scratch_sealed', 'masterWrite', [[{ assumedMasterState: { id: 'n1', body: 'こんにちは', updatedAt: 1 }, newDocumentState: { id: 'n1', body: '私の版', updatedAt: 2 } }]]);
    expect(stale.result).toEqual([expect.objectContaining({ id: 'n1', body: '更新後' })]);

    // Removed: the device gets the removal (decode would throw on the placeholder, so it never ran).
    server.db.prepare("UPDATE scratch_sealed SET gone = 1, body = '' WHERE id = 'n1'").run();
    expect((await memA.pullAll('scratch_sealed', first.checkpoint)).docs.get('n1')).toMatchObject({ id: 'n1', _deleted: true });
    // Another member never sees it at all.
    expect((await (await openAs(server, 'memB', clients)).pullAll('scratch_sealed')).docs.size).toBe(0);
  });
});
