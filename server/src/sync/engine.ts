import type { Actor, PushRow, Rejection } from '@kumiai/shared';
import { Ajv, type ValidateFunction } from 'ajv';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/database.ts';
import type { Clock } from '../lib/clock.ts';
import { canonical, stripMeta } from './canonical.ts';
import { type AudienceRow, Reader } from './reader.ts';
import type { Principals } from './principal.ts';
import type { AnyRegistration, CollectionRegistry, Doc } from './registry.ts';
import { tombstoneFor } from './tombstone.ts';
import { installTriggers } from './triggers.ts';
import { UnitTree } from './unit-tree.ts';

interface DocRow {
  seq: number;
  id: string;
  deleted: number;
  data: string | null;
}

interface Compiled {
  registration: AnyRegistration;
  validate: ValidateFunction;
  tombstone: (id: string) => string;
  /** Pulls: documents changed since a sequence, that this reader may see now. */
  changedSql: string;
  /** The same for a reader who sees every unit's documents (no scope filter to evaluate per row). */
  changedAllSql: string;
  /** One document's current projection and scope. */
  oneSql: string;
  /** Several documents' projections, for the stream. */
  manySql: string;
  /** Several documents' current projections and scopes, for a push (one read for the batch). */
  batchSql: string;
}

interface CurrentRow {
  id: string;
  deleted: number;
  scope_unit: string | null;
  scope_member: string | null;
  data: string | null;
}

/** A change the stream delivers: the document (or its removal) and the sequence it reached. */
export interface StreamBatch {
  collection: string;
  seq: number;
  changed: { id: string; seq: number; deleted: number; scope_unit: string | null; scope_member: string | null }[];
  moved: { id: string; scope_unit: string | null; scope_member: string | null }[];
  /** Current audience rows of changed audience documents. */
  audience: Map<string, AudienceRow[]>;
  /** Audiences documents had before they changed. */
  unheard: Map<string, AudienceRow[]>;
}

/**
 * Whether an audience row (kind, value) reaches a reader; parameters: the
 * reader's audience units (JSON array), roles (JSON array), member id.
 */
const audienceMatch = (alias: string) =>
  `(${alias}kind = 'all' OR (${alias}kind = 'unit' AND ${alias}value IN (SELECT value FROM json_each(?)))
    OR (${alias}kind = 'role' AND ${alias}value IN (SELECT value FROM json_each(?))) OR (${alias}kind = 'member' AND ${alias}value = ?))`;

const AUDIENCE_SQL = 'SELECT kind, value FROM sync_audience WHERE collection = ? AND id = ?';
/** Where live documents are scoped, for a batch of ids. */
const SCOPES_SQL = 'SELECT id, scope_unit, scope_member FROM sync_docs WHERE collection = ? AND deleted = 0 AND id IN (SELECT value FROM json_each(?))';
const BATCH_AUDIENCE_SQL = 'SELECT id, kind, value FROM sync_audience WHERE collection = ? AND id IN (SELECT value FROM json_each(?))';

const withDeletedFalse = (data: string) => `${data.slice(0, -1)},"_deleted":false}`;

/** A projected row as devices get it: through the registration's `decode` when it has one. */
function decoded(registration: AnyRegistration, data: string): string {
  return registration.decode ? JSON.stringify(registration.decode(JSON.parse(data) as Doc)) : data;
}

/**
 * The storage side of sync: pulls by checkpoint, pushes with conflict
 * detection and the collections' write rules, and re-evaluation of members
 * whose scope changed. Every write is stamped by the triggers generated from
 * the registrations (`triggers.ts`, installed here) with the next server
 * sequence inside its own transaction.
 */
export class SyncEngine {
  private readonly compiled = new Map<string, Compiled>();
  /** The unit tree every read scope is made of, from the registration that says it is the tree. */
  readonly tree: UnitTree;
  /** Prepared once, reused: preparing costs more than running these small queries. */
  private readonly statements = new Map<string, Statement>();

  /** Whether a member has a scope change logged after a sequence (one index seek per collection). */
  private readonly staleSql: string;

  /** Runs a function in a savepoint of the open transaction (compiled once: better-sqlite3 prepares its statements per wrapper). */
  private readonly savepoint: (fn: () => void) => void;

  /** Where a failed after-commit effect is reported (the app points it at its logger). */
  reportError: (err: unknown) => void = (err) => process.emitWarning(`sync: an after-commit effect failed: ${String(err)}`);

  constructor(
    private readonly db: Db,
    private readonly registry: CollectionRegistry,
    private readonly principals: Pick<Principals, 'load'>,
    private readonly clock: Clock,
  ) {
    const trees = registry.all().filter((r) => r.isUnitTree);
    if (trees.length !== 1) throw new Error(`exactly one synced collection must be the unit tree (isUnitTree), not ${trees.length}`);
    // Every collection's change capture, generated from its registration, before anything reads or writes.
    installTriggers(db, registry.all());
    this.tree = new UnitTree(db, { collection: trees[0]!.name, table: trees[0]!.source.table });
    this.tree.refresh();
    this.savepoint = this.db.transaction((fn: () => void) => fn());
    const names = registry.all().map((r) => `'${r.name}'`);
    this.staleSql = `SELECT 1 FROM sync_member_log WHERE member_id = ? AND collection IN (${names.join(', ')}) AND seq > ? LIMIT 1`;
    // RxDB schema keywords (primaryKey, version, indexes) are not JSON Schema: allow them.
    const ajv = new Ajv({ allErrors: false, strict: false });
    for (const registration of registry.all()) {
      const { table, projection } = registration.source;
      const name = registration.name;
      // Audience documents: also readable when an audience row names the reader's unit, role, id, or everyone.
      const audienceClause = registration.audience
        ? `OR EXISTS (SELECT 1 FROM sync_audience a WHERE a.collection = d.collection AND a.id = d.id AND ${audienceMatch('a.')})`
        : 'OR (? IS NULL AND ? IS NULL AND ? IS NULL)'; // never true: keeps one parameter list for both kinds
      this.compiled.set(name, {
        registration,
        validate: ajv.compile(registration.schema),
        tombstone: tombstoneFor(registration),
        changedSql: `SELECT d.seq, d.id, d.deleted, CASE WHEN d.deleted = 0 THEN ${projection} END AS data
          FROM sync_docs d LEFT JOIN ${table} t ON t.id = d.id
          WHERE d.collection = '${name}' AND d.seq > ? AND (d.deleted = 0 OR ? > 0)
            AND ((? = 1 AND d.scope_member = ?) OR d.scope_unit IN (SELECT value FROM json_each(?)) ${audienceClause})
          ORDER BY d.seq LIMIT ?`,
        changedAllSql: `SELECT d.seq, d.id, d.deleted, CASE WHEN d.deleted = 0 THEN ${projection} END AS data
          FROM sync_docs d LEFT JOIN ${table} t ON t.id = d.id
          WHERE d.collection = '${name}' AND d.seq > ? AND (d.deleted = 0 OR ? > 0) ORDER BY d.seq LIMIT ?`,
        oneSql: `SELECT d.deleted, d.scope_unit, d.scope_member, ${projection} AS data
          FROM sync_docs d LEFT JOIN ${table} t ON t.id = d.id WHERE d.collection = '${name}' AND d.id = ?`,
        manySql: `SELECT t.id, ${projection} AS data FROM ${table} t WHERE t.id IN (SELECT value FROM json_each(?))`,
        batchSql: `SELECT d.id, d.deleted, d.scope_unit, d.scope_member, ${projection} AS data
          FROM sync_docs d LEFT JOIN ${table} t ON t.id = d.id WHERE d.collection = '${name}' AND d.id IN (SELECT value FROM json_each(?))`,
      });
    }
  }

  private stmt(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (!statement) this.statements.set(sql, (statement = this.db.prepare(sql)));
    return statement;
  }

  has(collection: string): boolean {
    return this.compiled.has(collection);
  }

  registration(collection: string): AnyRegistration {
    return this.get(collection).registration;
  }

  private get(collection: string): Compiled {
    const compiled = this.compiled.get(collection);
    if (!compiled) throw new Error(`unknown collection ${collection}`);
    return compiled;
  }

  currentSeq(): number {
    return this.stmt('SELECT seq FROM sync_meta').pluck().get() as number;
  }

  /** The document as this reader may see it now: its JSON, a removal, or null when it was never theirs to see. */
  private current(
    c: Compiled,
    reader: Reader,
    id: string,
    known?: { row: Omit<CurrentRow, 'id'> | undefined; audience: readonly AudienceRow[] },
  ): { visible: boolean; json: string | null; exists: boolean; deletedInScope: boolean } {
    const row = known ? known.row : (this.stmt(c.oneSql).get(id) as Omit<CurrentRow, 'id'> | undefined);
    if (!row) return { visible: false, json: null, exists: false, deletedInScope: false };
    const audience = known ? known.audience : c.registration.audience ? (this.stmt(AUDIENCE_SQL).all(c.registration.name, id) as AudienceRow[]) : [];
    const visible = reader.sees(c.registration, row.scope_unit, row.scope_member, audience);
    return {
      visible: visible && row.deleted === 0,
      json: visible && row.deleted === 0 && row.data ? withDeletedFalse(decoded(c.registration, row.data)) : null,
      exists: true,
      // A deleted document the reader could see may be created again (a reaction taken back, then given again); the write rule decides.
      deletedInScope: visible && row.deleted === 1,
    };
  }

  /**
   * The documents among `ids` the reader sees now, with their current state: a
   * batched `current()` (three queries for any number of ids), projecting only
   * the visible ones. A visible document whose row is gone maps to null.
   */
  private visibleNow(c: Compiled, reader: Reader, ids: readonly string[]): Map<string, string | null> {
    const visible = new Map<string, string | null>();
    if (ids.length === 0) return visible;
    const idsJson = JSON.stringify([...new Set(ids)]);
    const rows = this.stmt(SCOPES_SQL).all(c.registration.name, idsJson) as { id: string; scope_unit: string | null; scope_member: string | null }[];
    const audiences = new Map<string, AudienceRow[]>();
    if (c.registration.audience && rows.length > 0) {
      for (const a of this.stmt(BATCH_AUDIENCE_SQL).all(c.registration.name, idsJson) as (AudienceRow & { id: string })[]) {
        audiences.set(a.id, [...(audiences.get(a.id) ?? []), { kind: a.kind, value: a.value }]);
      }
    }
    const seen = rows.filter((r) => reader.sees(c.registration, r.scope_unit, r.scope_member, audiences.get(r.id))).map((r) => r.id);
    const data = seen.length > 0 ? this.load(c.registration.name, seen) : new Map<string, string>();
    for (const id of seen) visible.set(id, data.get(id) ?? null);
    return visible;
  }

  /**
   * Loads the reader's member again when a scope change of theirs was logged after the reader's copy was
   * loaded. A pull answers with a checkpoint at least the current sequence: evaluated with the older copy it
   * would hand out the log's sequences while sending what the old scope held (a document the member left, as
   * live; one that entered, not at all), and nothing after that checkpoint would ever correct it. The hub
   * resets its readers when it dispatches, but a scope change can be logged before that: by another
   * socket's sign-in (`SyncHub.authenticate`), by another process. A member gone from the store keeps the
   * old copy (the hub closes their sockets).
   */
  private keepCurrent(reader: Reader): void {
    if (this.stmt(this.staleSql).get(reader.actor.memberId, reader.loadedAt) === undefined) return;
    const loadedAt = this.currentSeq();
    const actor = this.principals.load(reader.actor.memberId);
    if (actor) reader.reset(actor, loadedAt);
  }

  /**
   * masterChangesSince: documents that changed after the checkpoint and that the
   * reader sees now; removals of those they saw and no longer see (moved away,
   * deleted, or their own scope shrank); and documents that entered their
   * scope with an older sequence. Batches are full until the end, because
   * RxDB's client stops pulling at the first short batch.
   */
  pull(reader: Reader, collection: string, since: number, limit: number): { documents: string[]; seq: number } {
    const c = this.get(collection);
    return this.db.transaction(() => {
      // Units may have changed in another process since the last poll.
      this.tree.refresh();
      this.keepCurrent(reader);
      const scope = reader.scope(c.registration);
      const memberId = reader.actor.memberId;
      const own = scope.own ? 1 : 0;
      // Every document of a unit-scoped collection lives in some unit: one who reads all units reads all.
      const seesAll = !c.registration.audience && scope.units.size > 0 && scope.units.size >= this.tree.size;
      const documents = new Map<string, string>();
      let cursor = since;
      for (;;) {
        const docs = (
          seesAll
            ? this.stmt(c.changedAllSql).all(cursor, since, limit)
            : this.stmt(c.changedSql).all(cursor, since, own, memberId, scope.unitsJson, scope.audienceUnitsJson, scope.rolesJson, memberId, limit)
        ) as DocRow[];
        // On a first sync nothing can have left the device: removals and scope logs start later.
        const moved =
          since === 0
            ? []
            : (this.stmt(
                  `SELECT seq, id FROM sync_tombstones WHERE collection = ? AND seq > ?
                   AND ((? = 1 AND scope_member = ?) OR scope_unit IN (SELECT value FROM json_each(?))) ORDER BY seq LIMIT ?`,
                )
                .all(collection, cursor, own, memberId, scope.unitsJson, limit) as { seq: number; id: string }[]);
        // Audience documents whose audience changed: removals for those the old audience reached.
        const unheard =
          since === 0 || !c.registration.audience
            ? []
            : (this.stmt(
                  `SELECT DISTINCT seq, id FROM sync_audience_tombstones WHERE collection = ? AND seq > ? AND ${audienceMatch('')} ORDER BY seq LIMIT ?`,
                )
                .all(collection, cursor, scope.audienceUnitsJson, scope.rolesJson, memberId, limit) as { seq: number; id: string }[]);
        const logged =
          since === 0
            ? []
            : (this.stmt('SELECT seq, id, kind FROM sync_member_log WHERE member_id = ? AND collection = ? AND seq > ? ORDER BY seq LIMIT ?')
                .all(memberId, collection, cursor, limit) as { seq: number; id: string; kind: 'enter' | 'leave' }[]);
        // What the reader sees now of the documents that moved or entered/left their scope: read in one go.
        const now = this.visibleNow(c, reader, [...moved, ...unheard, ...logged].map((r) => r.id));
        const merged = [
          ...docs.map((d) => ({ seq: d.seq, apply: () => documents.set(d.id, d.deleted || !d.data ? c.tombstone(d.id) : withDeletedFalse(decoded(c.registration, d.data))) })),
          ...[...moved, ...unheard].map((m) => ({
            seq: m.seq,
            apply: () => {
              if (!now.has(m.id)) documents.set(m.id, c.tombstone(m.id));
            },
          })),
          ...logged.map((l) => ({
            seq: l.seq,
            apply: () => {
              const json = now.get(l.id);
              if (json) documents.set(l.id, json);
              else if (!now.has(l.id) && l.kind === 'leave') documents.set(l.id, c.tombstone(l.id));
            },
          })),
        ].sort((a, b) => a.seq - b.seq);
        // Each source returned at most `limit` rows, so everything up to the smallest "last seq" among full sources is complete.
        const full = [docs, moved, unheard, logged].filter((rows) => rows.length === limit).map((rows) => rows[rows.length - 1]!.seq);
        const safeUpTo = full.length > 0 ? Math.min(...full) : Number.POSITIVE_INFINITY;
        for (const item of merged) {
          if (item.seq > safeUpTo || documents.size >= limit) break;
          item.apply();
          cursor = item.seq;
        }
        if (documents.size >= limit) return { documents: [...documents.values()], seq: cursor };
        if (full.length === 0) return { documents: [...documents.values()], seq: Math.max(cursor, this.currentSeq()) };
      }
    })();
  }

  /**
   * masterWrite: each row is checked against the schema, the reader's
   * visibility, its assumed master state and the collection's write rule, and
   * applied in its own savepoint, so a refused row never blocks the others.
   * Returns the master states in conflict (what RxDB expects) and the refusals.
   */
  push(reader: Reader, collection: string, rows: PushRow[]): { conflicts: string[]; rejected: Rejection[]; written: number; seq: number } {
    const c = this.get(collection);
    const conflicts: string[] = [];
    const rejected: Rejection[] = [];
    let count = 0;
    let seq = 0;
    const effects: (() => void)[] = [];
    const reject = (id: string, code: Rejection['code'], message: string, field?: string) => rejected.push({ id, code, message, ...(field ? { field } : {}) });
    this.db
      .transaction(() => {
        this.keepCurrent(reader);
        const now = this.clock.now();
        const ctx = {
          db: this.db,
          actor: reader.actor,
          now,
          stmt: (sql: string) => this.stmt(sql),
          visible: (other: string, otherId: string) => this.current(this.get(other), reader, otherId).visible,
          afterCommit: (effect: () => void) => effects.push(effect),
        };
        // The masters of the whole batch in one read (and their audiences in one more); a document
        // written earlier in this batch is read again, so a repeated id sees the first write.
        const ids = rows.map((row) => row.newDocumentState.id).filter((id): id is string => typeof id === 'string');
        const masters = new Map((this.stmt(c.batchSql).all(JSON.stringify(ids)) as CurrentRow[]).map((r) => [r.id, r]));
        const audiences = new Map<string, AudienceRow[]>();
        if (c.registration.audience && masters.size > 0) {
          const rowsOfAudience = this.stmt(BATCH_AUDIENCE_SQL).all(c.registration.name, JSON.stringify([...masters.keys()])) as (AudienceRow & { id: string })[];
          for (const a of rowsOfAudience) audiences.set(a.id, [...(audiences.get(a.id) ?? []), { kind: a.kind, value: a.value }]);
        }
        const written = new Set<string>();
        for (const row of rows) {
          const deleted = row.newDocumentState._deleted === true;
          const next = stripMeta(row.newDocumentState) as Doc;
          const id = typeof next.id === 'string' ? next.id : '';
          if (!c.validate(next)) {
            reject(id, 'schema_invalid', c.validate.errors?.map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`).join('; ') ?? 'invalid');
            continue;
          }
          const current = written.has(id) ? this.current(c, reader, id) : this.current(c, reader, id, { row: masters.get(id), audience: audiences.get(id) ?? [] });
          // Removing what the member does not see (deleted, gone from their scope, never there) changes nothing:
          // their device only agrees with their view. Answered alike whether the document exists or not.
          if (deleted && !current.visible) continue;
          if (!current.visible && current.exists && !current.deletedInScope) {
            reject(id, 'forbidden', 'Not allowed');
            continue;
          }
          const master = current.json ? stripMeta<Doc>(JSON.parse(current.json) as Doc) : null;
          // Server-owned fields (times the server stamps) never make a conflict or a new write by themselves.
          const sansServer = (doc: Record<string, unknown>) =>
            canonical(Object.fromEntries(Object.entries(doc).filter(([k]) => !c.registration.serverOwned?.includes(k))));
          if (master && sansServer(master) === sansServer(next) && !deleted) {
            count += 1; // a retry of a write that already committed: exactly once
            continue;
          }
          // Also for a row that assumes no master (a device whose record of what it pulled was lost with a reload):
          // a conflict hands it the master state instead of refusing what it never meant to write.
          const assumed = row.assumedMasterState ? stripMeta(row.assumedMasterState) : null;
          if (master && (!assumed || sansServer(assumed) !== sansServer(master))) {
            conflicts.push(current.json!);
            continue;
          }
          const rule = c.registration.write;
          if (!rule) {
            reject(id, 'read_only', `${collection} is read-only from devices`);
            continue;
          }
          const verdict = rule.check(ctx, master, next, deleted);
          if (!('allow' in verdict)) {
            reject(id, verdict.code, verdict.message ?? (verdict.field ? `${verdict.field} may not be changed` : 'Not allowed'), verdict.field);
            continue;
          }
          // In its own savepoint: a row whose write fails leaves nothing behind and does not undo the others.
          this.savepoint(() => rule.apply(ctx, next, master, deleted, verdict.allow));
          written.add(id);
          count += 1;
        }
        seq = this.currentSeq();
      })
      .immediate();
    for (const effect of effects) {
      try {
        effect();
      } catch (err) {
        // The write is committed and acknowledged; a failed side effect (a push) must not undo or fail it.
        this.reportError(err);
      }
    }
    return { conflicts, rejected, written: count, seq };
  }

  /** Whether this actor may read that document now: the rule pulls use, for routes that serve related things (files). */
  readable(actor: Actor, collection: string, id: string): boolean {
    this.tree.refresh();
    return this.current(this.get(collection), new Reader(actor, this.tree, this.currentSeq()), id).visible;
  }

  /** Projections of several documents, for the stream (one query per collection and batch). */
  load(collection: string, ids: string[]): Map<string, string> {
    const c = this.get(collection);
    const rows = this.stmt(c.manySql).all(JSON.stringify(ids)) as { id: string; data: string }[];
    return new Map(rows.map((r) => [r.id, withDeletedFalse(decoded(c.registration, r.data))]));
  }

  tombstone(collection: string, id: string): string {
    return this.get(collection).tombstone(id);
  }

  /**
   * Re-evaluates members whose own scope changed (unit, status, roles, the
   * tree): documents that entered or left their scope are logged for them with
   * new sequences. Returns the members re-evaluated.
   */
  processScopeChanges(): string[] {
    const dirty = this.stmt('SELECT member_id FROM sync_scope_dirty').pluck().all() as string[];
    if (dirty.length === 0) return [];
    this.tree.refresh();
    const registrations = this.registry.all();
    const previous = this.stmt('SELECT units FROM sync_member_scope WHERE member_id = ? AND collection = ?').pluck();
    const store = this.stmt(
      'INSERT INTO sync_member_scope (member_id, collection, units) VALUES (?, ?, ?) ON CONFLICT (member_id, collection) DO UPDATE SET units = excluded.units',
    );
    // Documents reached through a unit scope, an audience unit, or an audience role.
    const sources = {
      units: `SELECT d.collection, d.id FROM sync_docs d WHERE d.collection = ? AND d.deleted = 0 AND d.scope_unit IN (SELECT value FROM json_each(?))`,
      audienceUnits: `SELECT DISTINCT a.collection, a.id FROM sync_audience a WHERE a.collection = ? AND a.kind = 'unit' AND a.value IN (SELECT value FROM json_each(?))`,
      roles: `SELECT DISTINCT a.collection, a.id FROM sync_audience a WHERE a.collection = ? AND a.kind = 'role' AND a.value IN (SELECT value FROM json_each(?))`,
    } as const;
    const log = (source: keyof typeof sources) =>
      this.stmt(
        `INSERT INTO sync_member_log (seq, member_id, collection, id, kind)
         SELECT ? + row_number() OVER (ORDER BY s.id), ?, s.collection, s.id, ? FROM (${sources[source]}) s`,
      );
    const statements = { units: log('units'), audienceUnits: log('audienceUnits'), roles: log('roles') };
    const bump = this.stmt('UPDATE sync_meta SET seq = seq + ?');
    const changed = new Set<string>();
    this.db
      .transaction(() => {
        for (const memberId of dirty) {
          const actor = this.principals.load(memberId);
          if (!actor || actor.status === 'left') changed.add(memberId);
          for (const registration of registrations) {
            const now = {
              units: actor ? registration.readableUnits(actor, this.tree) : [],
              audienceUnits: actor && actor.status !== 'left' ? (registration.audience?.units(actor) ?? []) : [],
              roles: actor && actor.status !== 'left' ? (registration.audience?.roles(actor) ?? []) : [],
            };
            const before = previous.get(memberId, registration.name) as string | undefined;
            store.run(memberId, registration.name, JSON.stringify(now));
            if (before === undefined) continue; // first evaluation: everything visible arrives by its own sequence
            const parsed = JSON.parse(before) as Partial<typeof now> | string[];
            const was = Array.isArray(parsed) ? { units: parsed, audienceUnits: [], roles: [] } : { units: [], audienceUnits: [], roles: [], ...parsed };
            for (const source of ['units', 'audienceUnits', 'roles'] as const) {
              const old = new Set(was[source]);
              const current = new Set(now[source]);
              for (const [kind, values] of [
                ['enter', now[source].filter((v) => !old.has(v))],
                ['leave', was[source].filter((v) => !current.has(v))],
              ] as const) {
                if (values.length === 0) continue;
                changed.add(memberId);
                const count = statements[source].run(this.currentSeq(), memberId, kind, registration.name, JSON.stringify(values)).changes;
                bump.run(count);
              }
            }
          }
        }
        const remove = this.stmt('DELETE FROM sync_scope_dirty WHERE member_id = ?');
        for (const memberId of dirty) remove.run(memberId);
      })
      .immediate();
    return [...changed];
  }

  /** Everything committed after `since`, grouped per collection, for the live stream. */
  changesSince(since: number): { seq: number; batches: StreamBatch[]; scopeChanged: Set<string> } {
    return this.db.transaction(() => {
      const seq = this.currentSeq();
      const batches = new Map<string, StreamBatch>();
      const batch = (collection: string) => {
        let b = batches.get(collection);
        if (!b) batches.set(collection, (b = { collection, seq, changed: [], moved: [], audience: new Map(), unheard: new Map() }));
        return b;
      };
      if (seq <= since) return { seq, batches: [], scopeChanged: new Set<string>() };
      // Per collection, so each read is a range of the (collection, seq) index rather than a scan of every document.
      for (const collection of this.compiled.keys()) {
        const changed = this.stmt('SELECT id, seq, deleted, scope_unit, scope_member FROM sync_docs WHERE collection = ? AND seq > ? ORDER BY seq').all(collection, since) as StreamBatch['changed'];
        if (changed.length > 0) batch(collection).changed.push(...changed);
        for (const row of this.stmt('SELECT id, kind, value FROM sync_audience_tombstones WHERE collection = ? AND seq > ?').all(collection, since) as (AudienceRow & { id: string })[]) {
          const b = batch(collection);
          b.unheard.set(row.id, [...(b.unheard.get(row.id) ?? []), { kind: row.kind, value: row.value }]);
        }
      }
      for (const row of this.stmt('SELECT collection, id, scope_unit, scope_member FROM sync_tombstones WHERE seq > ? ORDER BY seq').all(since) as (StreamBatch['moved'][number] & { collection: string })[]) {
        batch(row.collection).moved.push(row);
      }
      for (const b of batches.values()) {
        if (!this.compiled.get(b.collection)?.registration.audience || b.changed.length === 0) continue;
        const rows = this.stmt(BATCH_AUDIENCE_SQL).all(b.collection, JSON.stringify(b.changed.map((c) => c.id))) as (AudienceRow & { id: string })[];
        for (const row of rows) b.audience.set(row.id, [...(b.audience.get(row.id) ?? []), { kind: row.kind, value: row.value }]);
      }
      const scopeChanged = new Set(this.stmt('SELECT DISTINCT member_id FROM sync_member_log WHERE seq > ?').pluck().all(since) as string[]);
      return { seq, batches: [...batches.values()], scopeChanged };
    })();
  }
}
