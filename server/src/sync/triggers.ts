import type { Db } from '../db/database.ts';
import type { AnyRegistration, ChangeCapture } from './registry.ts';

/**
 * The change-capture triggers of every registered collection, generated from
 * its registration (`source.table` and `capture`): no migration carries trigger
 * SQL for a synced collection. Each write to a source table takes the next
 * value of the one server-wide sequence (`sync_meta.seq`) inside the writing
 * transaction, whichever process writes, and keeps the document's row in
 * `sync_docs` (scope), `sync_audience` (audience) and the tombstones (what its
 * earlier readers must lose). The statements are the ones migrations 0003–0008
 * carried by hand, in the same order (README "Storage and checkpoints").
 */

export interface GeneratedTrigger {
  name: string;
  sql: string;
}

/** Generated triggers are named `sync_gen_<collection>_<what>`; hand-written ones never start so. */
export const GENERATED_PREFIX = 'sync_gen_';

/** The source tables' key column: the engine joins documents on `t.id`. */
const KEY = 'id';

const IDENT = /^[a-z][a-z0-9_]*$/;

function ident(name: string, what: string): string {
  if (!IDENT.test(name)) throw new Error(`sync triggers: ${what} "${name}" is not a plain lower-case SQL name`);
  return name;
}

/**
 * The rows (kind, value) of the JSON audience `{all, units, roles, members}` in
 * `NEW.<column>`, while `when` holds; each select starts with `prefix` (the
 * collection and id), and `named` names the columns (for use as a subquery).
 */
function audienceRows(prefix: string, audience: NonNullable<ChangeCapture['audience']>, named = false): string {
  const json = `NEW.${ident(audience.column, 'audience column')}`;
  const when = audience.when?.sql;
  return [
    `SELECT ${prefix}'all'${named ? ' AS kind' : ''}, ''${named ? ' AS value' : ''} WHERE ${when ? `${when} AND ` : ''}json_extract(${json}, '$.all')`,
    ...['unit', 'role', 'member'].map((kind) => `UNION SELECT ${prefix}'${kind}', value FROM json_each(${json}, '$.${kind}s')${when ? ` WHERE ${when}` : ''}`),
  ].join('\n    ');
}

const changedAny = (columns: readonly string[]) => columns.map((c) => `OLD.${c} IS NOT NEW.${c}`).join(' OR ');

function collectionTriggers(r: AnyRegistration, all: readonly AnyRegistration[]): GeneratedTrigger[] {
  const c = r.capture;
  const name = ident(r.name, 'collection');
  const table = ident(r.source.table, 'table');
  const quoted = `'${name}'`;
  const unit = c.unit ? ident(c.unit, 'unit column') : undefined;
  const member = c.member ? ident(c.member, 'member column') : undefined;
  const deleted = c.deleted ? `NEW.${ident(c.deleted, 'deleted column')}` : '0';
  const parent = c.follows ? all.find((p) => p.name === c.follows?.collection) : undefined;
  if (c.follows && !parent?.capture.audience) throw new Error(`sync triggers: ${name} follows ${c.follows.collection}, which is not a registered collection with an audience`);
  if (c.audience && c.follows) throw new Error(`sync triggers: ${name} has its own audience and follows another's: one or the other`);
  const readerCollections = all.filter((x) => x.capture.readerScope);
  if (readerCollections.length > 1) throw new Error('sync triggers: only one collection holds the readers themselves (readerScope)');
  const readers = readerCollections[0];

  // The member who always reads the document: a column of its own, or its parent's.
  const memberValue = member
    ? `NEW.${member}`
    : parent?.capture.member && c.follows
      ? `(SELECT ${ident(parent.capture.member, 'member column')} FROM ${ident(parent.source.table, 'table')} WHERE ${KEY} = NEW.${ident(c.follows.column, 'follows column')})`
      : 'NULL';
  const insert = [
    'UPDATE sync_meta SET seq = seq + 1;',
    `INSERT INTO sync_docs (collection, id, seq, deleted, scope_unit, scope_member)
    VALUES (${quoted}, NEW.${KEY}, (SELECT seq FROM sync_meta), ${deleted}, ${unit ? `NEW.${unit}` : 'NULL'}, ${memberValue})
    ON CONFLICT (collection, id) DO UPDATE SET seq = excluded.seq, deleted = excluded.deleted, scope_unit = excluded.scope_unit, scope_member = excluded.scope_member;`,
  ];
  if (c.audience) {
    insert.push(`INSERT INTO sync_audience (collection, id, kind, value)
    ${audienceRows(`${quoted}, NEW.${KEY}, `, c.audience)};`);
  }
  if (c.follows) {
    insert.push(`INSERT OR IGNORE INTO sync_audience (collection, id, kind, value)
    SELECT ${quoted}, NEW.${KEY}, kind, value FROM sync_audience WHERE collection = '${ident(c.follows.collection, 'collection')}' AND id = NEW.${c.follows.column};`);
  }
  if (c.readerScope) insert.push(`INSERT OR IGNORE INTO sync_scope_dirty (member_id) VALUES (NEW.${KEY});`);

  const update: string[] = [];
  // A document that moves to another unit: the old unit's readers get it as removed (sync_tombstones).
  if (unit && unit !== KEY) {
    update.push(
      `UPDATE sync_meta SET seq = seq + 1 WHERE OLD.${unit} IS NOT NEW.${unit};`,
      `INSERT INTO sync_tombstones (seq, collection, id, scope_unit, scope_member)
    SELECT (SELECT seq FROM sync_meta), ${quoted}, OLD.${KEY}, OLD.${unit}, NULL WHERE OLD.${unit} IS NOT NEW.${unit};`,
    );
  }
  // Its audience is replaced; the previous one is kept as audience tombstones at this sequence.
  if (c.audience) {
    update.push(
      'UPDATE sync_meta SET seq = seq + 1;',
      `INSERT INTO sync_audience_tombstones (seq, collection, id, kind, value)
    SELECT (SELECT seq FROM sync_meta), collection, id, kind, value FROM sync_audience WHERE collection = ${quoted} AND id = OLD.${KEY};`,
      `DELETE FROM sync_audience WHERE collection = ${quoted} AND id = OLD.${KEY};`,
      `INSERT INTO sync_audience (collection, id, kind, value)
    ${audienceRows(`${quoted}, NEW.${KEY}, `, c.audience)};`,
    );
  }
  const set = [
    'seq = (SELECT seq FROM sync_meta)',
    ...(c.deleted ? [`deleted = ${deleted}`] : []),
    ...(unit && unit !== KEY ? [`scope_unit = NEW.${unit}`] : []),
    ...(member && member !== KEY ? [`scope_member = NEW.${member}`] : []),
  ];
  update.push('UPDATE sync_meta SET seq = seq + 1;', `UPDATE sync_docs SET ${set.join(', ')} WHERE collection = ${quoted} AND id = NEW.${KEY};`);
  if (c.readerScope) {
    const columns = c.readerScope.map((col) => ident(col, 'reader scope column'));
    update.push(`INSERT OR IGNORE INTO sync_scope_dirty (member_id) SELECT NEW.${KEY} WHERE ${changedAny(columns)};`);
  }
  // A moved unit changes the paths, and so the scope, of every reader: re-evaluate all.
  if (r.isUnitTree && readers) {
    update.push(`INSERT OR IGNORE INTO sync_scope_dirty (member_id) SELECT ${KEY} FROM ${ident(readers.source.table, 'table')} WHERE OLD.parent_id IS NOT NEW.parent_id;`);
  }

  const columns = c.columns?.map((col) => ident(col, 'watched column'));
  const triggers: GeneratedTrigger[] = [
    { name: `${GENERATED_PREFIX}${name}_insert`, sql: `CREATE TRIGGER ${GENERATED_PREFIX}${name}_insert AFTER INSERT ON ${table} BEGIN\n  ${insert.join('\n  ')}\nEND` },
    {
      name: `${GENERATED_PREFIX}${name}_update`,
      sql: `CREATE TRIGGER ${GENERATED_PREFIX}${name}_update AFTER UPDATE${columns ? ` OF ${columns.join(', ')}` : ''} ON ${table} BEGIN\n  ${update.join('\n  ')}\nEND`,
    },
  ];
  if (c.follows && parent) triggers.push(followTrigger(r, parent, c.follows));
  return triggers;
}

/**
 * The parent's audience, status or author changed: the children follow (their
 * audience copied, the old one kept as tombstones, their scope_member the
 * parent's). The audience is computed from the parent's NEW row rather than
 * copied from its sync_audience rows, because the order triggers fire in is not
 * defined. Each child gets its own sequence: pulls page by sequence, and many
 * documents sharing one could be cut between two pages.
 */
function followTrigger(child: AnyRegistration, parent: AnyRegistration, follows: NonNullable<ChangeCapture['follows']>): GeneratedTrigger {
  const audience = parent.capture.audience!;
  const name = `${GENERATED_PREFIX}${child.name}_follow`;
  const table = child.source.table;
  const fk = ident(follows.column, 'follows column');
  const quoted = `'${child.name}'`;
  const watched = [audience.column, ...(audience.when?.columns ?? []), ...(parent.capture.member ? [parent.capture.member] : [])].map((col) => ident(col, 'parent column'));
  const children = `(SELECT ${KEY} FROM ${table} WHERE ${fk} = NEW.${KEY})`;
  const rank = (alias: string) => `(SELECT count(*) FROM ${table} c WHERE c.${fk} = NEW.${KEY} AND c.${KEY} <= ${alias})`;
  const body = [
    `INSERT INTO sync_audience_tombstones (seq, collection, id, kind, value)
    SELECT (SELECT seq FROM sync_meta) + ${rank('a.id')}, a.collection, a.id, a.kind, a.value
    FROM sync_audience a WHERE a.collection = ${quoted} AND a.id IN ${children};`,
    `DELETE FROM sync_audience WHERE collection = ${quoted} AND id IN ${children};`,
    `INSERT INTO sync_audience (collection, id, kind, value)
    SELECT ${quoted}, c.${KEY}, x.kind, x.value FROM ${table} c,
      (${audienceRows('', audience, true)}) x
    WHERE c.${fk} = NEW.${KEY};`,
    `UPDATE sync_docs SET seq = (SELECT seq FROM sync_meta) + ${rank('sync_docs.id')},
    scope_member = ${parent.capture.member ? `NEW.${parent.capture.member}` : 'NULL'}
    WHERE collection = ${quoted} AND id IN ${children};`,
    `UPDATE sync_meta SET seq = seq + (SELECT count(*) FROM ${table} WHERE ${fk} = NEW.${KEY});`,
  ];
  return {
    name,
    sql: `CREATE TRIGGER ${name} AFTER UPDATE OF ${watched.join(', ')} ON ${parent.source.table}\nWHEN ${changedAny(watched)}\nBEGIN\n  ${body.join('\n  ')}\nEND`,
  };
}

/** Every registered collection's triggers, in registration order. */
export function generateTriggers(registrations: readonly AnyRegistration[]): GeneratedTrigger[] {
  return registrations.flatMap((r) => collectionTriggers(r, registrations));
}

/**
 * Installs the generated triggers in one IMMEDIATE transaction, so no write of
 * another process (the CLI) lands between a trigger's removal and its
 * replacement. Only generated triggers write sync_docs: any other trigger that
 * does is a hand-written copy (migrations 0003–0008 carried them) and is dropped,
 * or it would stamp every write twice. Missing or changed generated triggers
 * are dropped and created again; unchanged ones are left alone (no schema
 * change on an ordinary start). Generated triggers of collections this process
 * does not register are left alone too (another process may register them).
 * Returns the names it dropped or (re)created.
 */
export function installTriggers(db: Db, registrations: readonly AnyRegistration[]): string[] {
  const triggers = generateTriggers(registrations);
  const existing = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?").pluck();
  const handWritten = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND instr(sql, 'sync_docs') > 0 AND substr(name, 1, ?) <> ?")
    .pluck();
  return db
    .transaction(() => {
      const changed: string[] = [];
      for (const name of handWritten.all(GENERATED_PREFIX.length, GENERATED_PREFIX) as string[]) {
        db.exec(`DROP TRIGGER ${name}`);
        changed.push(name);
      }
      for (const trigger of triggers) {
        if (existing.get(trigger.name) === trigger.sql) continue;
        db.exec(`DROP TRIGGER IF EXISTS ${trigger.name}`);
        db.exec(trigger.sql);
        changed.push(trigger.name);
      }
      return changed;
    })
    .immediate();
}
