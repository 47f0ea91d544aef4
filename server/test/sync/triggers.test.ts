import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { openDatabase, type Db } from '../../src/db/database.ts';
import { ManualClock } from '../../src/lib/clock.ts';
import { createServices } from '../../src/services.ts';
import type { CollectionRegistration } from '../../src/sync/registry.ts';
import { tempDir } from '../helpers.ts';
import { seedOrg } from '../seed.ts';
import { audience, openAs, startSyncServer, type RawClient, type SyncServer } from './support.ts';

/**
 * The change-capture triggers are generated from the registrations
 * (src/sync/triggers.ts). These tests hold them to the hand-written ones that
 * migrations 0003–0008 still create (and the engine replaces at start).
 */

const dirs: string[] = [];
const clients: RawClient[] = [];
let server: SyncServer | undefined;
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await server?.close();
  server = undefined;
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function freshDir(): string {
  const dir = tempDir('kumiai-triggers-');
  dirs.push(dir);
  return dir;
}

/** The services of one process over the file: building them installs the generated triggers (no hub, so nothing consumes the scope queue). */
function withGeneratedTriggers(dir: string): Db {
  const db = openDatabase(dir);
  createServices(db, new ManualClock(), loadConfig({ KUMIAI_DATA_DIR: dir, KUMIAI_SCRYPT_LOG_N: '10', KUMIAI_CLIENT_DIR: path.join(dir, 'no-client') }));
  return db;
}

const captureTriggers = (db: Db) =>
  db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND instr(sql, 'sync_docs') > 0 ORDER BY name").pluck().all() as string[];

const seq = (db: Db) => db.prepare('SELECT seq FROM sync_meta').pluck().get() as number;

/** Everything the triggers write, in a fixed order. */
function dump(db: Db) {
  const all = (sql: string) => db.prepare(sql).all();
  return {
    meta: all('SELECT seq, auth_version FROM sync_meta'),
    docs: all('SELECT * FROM sync_docs ORDER BY collection, id'),
    audience: all('SELECT * FROM sync_audience ORDER BY collection, id, kind, value'),
    audienceTombstones: all('SELECT * FROM sync_audience_tombstones ORDER BY seq, collection, id, kind, value'),
    tombstones: all('SELECT * FROM sync_tombstones ORDER BY seq'),
    dirty: all('SELECT * FROM sync_scope_dirty ORDER BY member_id'),
  };
}

const aud = (a: Parameters<typeof audience>[0]) => JSON.stringify(audience(a));

/** One write of every kind each hand-written trigger handled, plus writes none should see. */
function writeEverything(db: Db): void {
  const run = (sql: string, ...params: unknown[]) => db.prepare(sql).run(...params);
  const unit = (id: string, parent: string | null, kind: string) =>
    run('INSERT INTO units (id, parent_id, name, kind, code, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 0, 0)', id, parent, id, kind, id.toUpperCase());
  unit('u', null, 'union');
  unit('bA', 'u', 'branch');
  unit('wA1', 'bA', 'workplace');
  unit('bB', 'u', 'branch');
  unit('wB1', 'bB', 'workplace');
  const member = (id: string, unitId: string) =>
    run('INSERT INTO members (id, employee_number, name, unit_id, created_at, updated_at) VALUES (?, ?, ?, ?, 0, 0)', id, `e-${id}`, id, unitId);
  member('m1', 'wA1');
  member('m2', 'wB1');
  member('m3', 'wA1');
  run("INSERT INTO role_grants (id, member_id, unit_id, role, created_at) VALUES ('g1', 'm3', 'bA', 'officer', 0)");
  db.prepare('DELETE FROM sync_scope_dirty').run(); // as the engine's evaluation would: the updates below queue again

  run("UPDATE members SET phone = '090' WHERE id = 'm1'");
  run("UPDATE members SET password_hash = 'x', pseudonymised_at = 1 WHERE id = 'm2'"); // not synced: no sequence
  run("UPDATE members SET unit_id = 'wB1', updated_at = 1 WHERE id = 'm1'"); // a move: tombstone for wA1's readers
  run("UPDATE members SET status = 'on_leave' WHERE id = 'm2'");
  run("UPDATE units SET name = 'renamed' WHERE id = 'wA1'");
  run("UPDATE units SET created_at = 5 WHERE id = 'wA1'"); // not synced
  run("UPDATE units SET parent_id = 'bB' WHERE id = 'wA1'"); // everyone's scope changes

  const notice = (id: string, status: string, a: string) =>
    run(
      "INSERT INTO notices (id, title, body, audience, status, publish_at, author_id, created_at, updated_at) VALUES (?, 't', 'b', ?, ?, 0, 'm3', 0, 0)",
      id,
      a,
      status,
    );
  notice('n1', 'draft', aud({ units: ['wA1'] }));
  notice('n2', 'published', aud({ all: true, members: ['m2'] }));
  const comment = (id: string, noticeId: string) =>
    run("INSERT INTO notice_comments (id, notice_id, author_id, kind, text, created_at, updated_at) VALUES (?, ?, 'm1', 'comment', 'hi', 0, 0)", id, noticeId);
  comment('c2', 'n1');
  comment('c1', 'n1');
  comment('c3', 'n2');
  run("UPDATE notice_comments SET deleted = 1, text = '' WHERE id = 'c2'");
  run("UPDATE notices SET status = 'published' WHERE id = 'n1'");
  run('UPDATE notices SET audience = ? WHERE id = ?', aud({ roles: ['officer'], members: ['m1'], units: ['bB', 'wB1'] }), 'n1');
  run("UPDATE notices SET title = 't2' WHERE id = 'n1'"); // the comments do not move
  run("UPDATE notices SET author_id = 'm1' WHERE id = 'n1'");
  run("UPDATE notices SET audience = audience WHERE id = 'n2'"); // unchanged audience: the comments do not move
  comment('c4', 'n1');
  run("INSERT INTO notice_reads (id, notice_id, member_id, read_at) VALUES ('n2:m1', 'n2', 'm1', 5)");
  run("INSERT OR IGNORE INTO notice_reads (id, notice_id, member_id, read_at) VALUES ('n2:m1', 'n2', 'm1', 6)");

  run("INSERT INTO documents (id, kind, folder_id, title, audience, author_id, created_at, updated_at) VALUES ('d1', 'document', 'folder-minutes', 'd', ?, 'm3', 0, 0)", aud({ units: ['bA'] }));
  run('UPDATE documents SET audience = ?, version = 2 WHERE id = ?', aud({ all: true }), 'd1');
  run("UPDATE documents SET title = 'folder' WHERE id = 'folder-bylaws'");

  run("INSERT INTO forms (id, kind, title, audience, status, opens_at, author_id, created_at, updated_at) VALUES ('f1', 'survey', 'f', ?, 'draft', 0, 'm3', 0, 0)", aud({ units: ['wA1'] }));
  run("UPDATE forms SET status = 'published' WHERE id = 'f1'");
  run('UPDATE forms SET audience = ? WHERE id = ?', aud({ roles: ['officer'] }), 'f1');
  run("INSERT INTO submissions (id, form_id, form_version, kind, member_id, state, created_at, updated_at) VALUES ('s1', 'f1', 1, 'survey', 'm1', 'submitted', 0, 0)");
  run("UPDATE submissions SET state = 'in_review' WHERE id = 's1'");
}

describe('generated sync triggers', () => {
  it('write exactly what the hand-written triggers of migrations 0003–0008 wrote', () => {
    const handWritten = openDatabase(freshDir());
    const generated = withGeneratedTriggers(freshDir());
    try {
      // Before: the migrations' own triggers; after: only generated ones write sync_docs.
      expect(captureTriggers(handWritten)).toContain('sync_comments_notice_update');
      expect(captureTriggers(generated).every((name) => name.startsWith('sync_gen_'))).toBe(true);
      writeEverything(handWritten);
      writeEverything(generated);
      const before = dump(handWritten);
      expect(dump(generated)).toEqual(before);
      // Not a comparison of two empty tables: every kind of row was written.
      expect(before.tombstones).toHaveLength(1);
      expect(before.audienceTombstones.length).toBeGreaterThan(10);
      expect(before.dirty).toEqual([{ member_id: 'm1' }, { member_id: 'm2' }, { member_id: 'm3' }]);
      expect(new Set((before.docs as { collection: string }[]).map((d) => d.collection))).toEqual(
        new Set(['units', 'members', 'notices', 'notice_comments', 'reads', 'documents', 'forms', 'submissions']),
      );
    } finally {
      handWritten.close();
      generated.close();
    }
  });

  it('replace the hand-written ones on a database migrated by the old migrations: each write is stamped once', async () => {
    const dataDir = freshDir();
    const old = openDatabase(dataDir);
    writeEverything(old);
    const at = seq(old);
    old.close();

    server = await startSyncServer({}, { dataDir, keepData: true });
    const { db } = server;
    expect(captureTriggers(db)).toEqual(
      ['consultations', 'documents', 'dues', 'events', 'federation_items', 'federation_links', 'federation_reports', 'forms', 'members', 'notice_comments', 'notices', 'reads', 'submissions', 'units']
        .flatMap((c) => [`sync_gen_${c}_insert`, `sync_gen_${c}_update`])
        .concat('sync_gen_notice_comments_follow')
        .sort(),
    );
    // The triggers about no one collection stay as the migration wrote them.
    const others = db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'sync\\_%' ESCAPE '\\' AND instr(sql, 'sync_docs') = 0 ORDER BY name").pluck().all();
    expect(others).toEqual(['sync_auth_member_status', 'sync_auth_session_end', 'sync_auth_token_revoke', 'sync_grants_delete', 'sync_grants_insert']);
    expect(seq(db)).toBe(at);

    const step = (sql: string, by: number) => {
      const before = seq(db);
      db.prepare(sql).run();
      expect(seq(db), sql).toBe(before + by);
    };
    step("UPDATE members SET phone = '080' WHERE id = 'm3'", 1);
    step("UPDATE units SET name = 'again' WHERE id = 'bB'", 1);
    step("INSERT INTO notice_reads (id, notice_id, member_id, read_at) VALUES ('n2:m3', 'n2', 'm3', 1)", 1);
    step("UPDATE submissions SET state = 'approved' WHERE id = 's1'", 1);
    step("UPDATE notice_comments SET text = 'edited' WHERE id = 'c3'", 1);
    step("UPDATE notices SET title = 'x' WHERE id = 'n2'", 2); // the audience is re-recorded at its own sequence
    step("UPDATE notices SET status = 'withdrawn' WHERE id = 'n2'", 3); // and its one comment follows
    step("UPDATE documents SET title = 'x' WHERE id = 'd1'", 2);
    step("UPDATE forms SET title = 'x' WHERE id = 'f1'", 2);
    step("UPDATE members SET pseudonymised_at = 2 WHERE id = 'm3'", 0);

    // A restart finds them in place and changes no schema.
    const version = db.pragma('schema_version', { simple: true });
    await server.close();
    server = await startSyncServer({}, { dataDir, keepData: true });
    expect(server.db.pragma('schema_version', { simple: true })).toBe(version);
  });

  it('give a newly registered collection its triggers with no SQL of its own: stamped, scoped and revoked', async () => {
    const dataDir = freshDir();
    const setup = openDatabase(dataDir);
    setup.exec(`CREATE TABLE scratch_posts (id TEXT PRIMARY KEY, author_id TEXT NOT NULL, audience TEXT NOT NULL,
      status TEXT NOT NULL, deleted INTEGER NOT NULL DEFAULT 0, body TEXT NOT NULL, updated_at INTEGER NOT NULL)`);
    setup.close();
    const posts: CollectionRegistration = {
      name: 'scratch_posts',
      schema: {
        title: 'scratch_posts',
        version: 0,
        primaryKey: 'id',
        type: 'object',
        properties: { id: { type: 'string', maxLength: 100 }, body: { type: 'string' }, updatedAt: { type: 'number' } },
        required: ['id', 'body', 'updatedAt'],
      },
      source: { table: 'scratch_posts', projection: `json_object('id', t.id, 'body', t.body, 'updatedAt', t.updated_at)` },
      capture: { member: 'author_id', deleted: 'deleted', audience: { column: 'audience', when: { sql: "NEW.status = 'open'", columns: ['status'] } } },
      readableUnits: () => [],
      audience: { units: (actor) => [...actor.unitPath], roles: () => [] },
      readsOwn: (actor) => actor.status !== 'left',
    };
    server = await startSyncServer({}, { dataDir, keepData: true, collections: [posts] });
    await seedOrg(server);
    const { db } = server;
    const at = seq(db);
    db.prepare("INSERT INTO scratch_posts (id, author_id, audience, status, body, updated_at) VALUES ('p1', 'offA', ?, 'open', 'hello', 1)").run(aud({ units: ['wA1'] }));
    expect(seq(db)).toBe(at + 1);
    expect(db.prepare("SELECT seq, deleted, scope_member FROM sync_docs WHERE collection = 'scratch_posts' AND id = 'p1'").get()).toEqual({ seq: at + 1, deleted: 0, scope_member: 'offA' });

    const memA = await openAs(server, 'memA', clients);
    const memB = await openAs(server, 'memB', clients);
    const author = await openAs(server, 'offA', clients);
    const a1 = await memA.pullAll('scratch_posts');
    expect(a1.docs.get('p1')).toMatchObject({ body: 'hello', _deleted: false });
    const b1 = await memB.pullAll('scratch_posts');
    expect(b1.docs.has('p1')).toBe(false);

    // The audience moves to B1: A1's member loses it, B1's gets it; the old audience is recorded as a tombstone.
    db.prepare("UPDATE scratch_posts SET audience = ?, updated_at = 2 WHERE id = 'p1'").run(aud({ units: ['wB1'] }));
    expect(seq(db)).toBe(at + 3);
    expect(db.prepare("SELECT seq, kind, value FROM sync_audience_tombstones WHERE collection = 'scratch_posts'").all()).toEqual([{ seq: at + 2, kind: 'unit', value: 'wA1' }]);
    expect((await memA.pullAll('scratch_posts', a1.checkpoint)).docs.get('p1')).toMatchObject({ id: 'p1', _deleted: true });
    expect((await memB.pullAll('scratch_posts', b1.checkpoint)).docs.get('p1')).toMatchObject({ body: 'hello', _deleted: false });

    // Closed: out of every audience, still its author's; taken back: gone for its author too.
    db.prepare("UPDATE scratch_posts SET status = 'closed' WHERE id = 'p1'").run();
    expect((await memB.pullAll('scratch_posts')).docs.has('p1')).toBe(false);
    const own = await author.pullAll('scratch_posts');
    expect(own.docs.get('p1')).toMatchObject({ body: 'hello', _deleted: false });
    db.prepare("UPDATE scratch_posts SET deleted = 1 WHERE id = 'p1'").run();
    expect((await author.pullAll('scratch_posts', own.checkpoint)).docs.get('p1')).toMatchObject({ id: 'p1', _deleted: true });
  });
});
