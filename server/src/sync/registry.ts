import type { Actor, RejectionCode } from '@kumiai/shared';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/database.ts';
import type { UnitTree } from './unit-tree.ts';

export type Doc = Record<string, unknown> & { id: string };

export interface WriteContext {
  db: Db;
  /** A prepared statement for this SQL, prepared once and reused (preparing costs more than running a small write). */
  stmt(sql: string): Statement;
  actor: Actor;
  now: number;
  /** Whether the writing member may read that document now (the same rule pulls use). */
  visible(collection: string, id: string): boolean;
  /**
   * Runs `effect` once the push's transaction has committed (a push notification, say):
   * never for a write that was rolled back, and never holding the write lock.
   */
  afterCommit(effect: () => void): void;
}

/** Why a write is refused: a coded reason the device shows in the member's language. */
export interface WriteRefusal {
  code: RejectionCode;
  field?: string;
  message?: string;
}

/** A write the rule allows, with what it decided on the way (passed to `apply` as it is). */
export interface Allowed<Decision> {
  allow: Decision;
}

/** The answer of a rule that decides nothing beyond "yes": `return problem ?? ALLOW`. */
export const ALLOW: Allowed<null> = Object.freeze({ allow: null });

/**
 * How devices may write a collection: the rule, then the write it allows. Both
 * see the same master, document and deletion flag; `apply` also gets what
 * `check` decided (typed: no side table between the two).
 */
export interface WriteRule<D, Decision> {
  check(ctx: WriteContext, master: D | null, next: D, deleted: boolean): WriteRefusal | Allowed<Decision>;
  /** Applies an allowed write to the source table (the triggers stamp the sequence). */
  apply(ctx: WriteContext, next: D, master: D | null, deleted: boolean, decision: Decision): void;
}

/**
 * What the generated change-capture triggers (`triggers.ts`) must know of a
 * collection's source table, beyond `source.table` (whose key column is `id`).
 * Column names are plain SQL names of that table; `when.sql` is SQL over `NEW`.
 */
export interface ChangeCapture {
  /** The columns whose update re-sends a document (`AFTER UPDATE OF …`); absent: every update does. */
  columns?: readonly string[];
  /** The column holding the unit whose readers see the document (`scope_unit`); a change leaves a tombstone for the old unit's readers. */
  unit?: string;
  /** The column holding the member who always reads the document, their own or their authored one (`scope_member`). */
  member?: string;
  /** The column of a soft-delete flag: the document is sent as removed while it is set. */
  deleted?: string;
  /**
   * An audience held as JSON (`{all, units, roles, members}`) in `column`, in
   * force only while `when.sql` holds (`columns`: those it reads); its readers
   * are kept in sync_audience, and those it loses get the document as removed.
   */
  audience?: { column: string; when?: { sql: string; columns: readonly string[] } };
  /** The document belongs to a document of another collection (id in `column`): it reaches that one's audience and member, and follows their changes. */
  follows?: { collection: string; column: string };
  /** The rows are the readers themselves (the id is the member id): a new row, or a change of these columns, re-evaluates what they read. */
  readerScope?: readonly string[];
}

/**
 * What a feature registers for each synced collection (`D`: its document type
 * from shared/; `Decision`: what its write rule hands to the write). The engine
 * knows nothing else about features: it does checkpoints, conflicts, streaming
 * and revocation for all of them alike.
 */
export interface CollectionRegistration<D extends { id: string } = Doc, Decision = null> {
  name: string;
  /** The JSON schema from shared/, the same one RxDB uses on the device; a pushed row is validated against it before the rule sees it as a `D`. */
  schema: Record<string, unknown> & { properties: Record<string, Record<string, unknown>>; required?: readonly string[] };
  /**
   * Where documents live: the source table (alias `t`) and a SQLite
   * json_object(...) expression that projects a row into the synced document.
   * Only what every reader may see goes in (no hashes, no codes, ever).
   */
  source: { table: string; projection: string };
  /**
   * Turns a projected document into what devices get, per row, after SQL
   * projected it: for content SQL cannot read (sealed at rest, `lib/sealed.ts`).
   * Every document the engine hands out passes through it (pulls, the stream,
   * conflicts, a push's master); removals never do (they carry no content).
   */
  decode?(doc: D): D;
  /** How changes to the source table reach sync: the generated triggers follow this (`{}`: every change, no scope of its own). */
  capture: ChangeCapture;
  /** Units whose documents the actor may read, decided by the read rule in shared/. */
  readableUnits(actor: Actor, tree: UnitTree): string[];
  /**
   * For documents with an audience (sync_audience rows: all / unit / role / member):
   * the units and roles through which the actor belongs to an audience.
   */
  audience?: { units(actor: Actor): string[]; roles(actor: Actor): string[] };
  /** Whether documents whose scope_member is the actor (their own record) are readable by them. */
  readsOwn(actor: Actor, tree: UnitTree): boolean;
  /**
   * The collection whose documents are the units (its table has id and parent_id): every read
   * scope is a set of its subtrees, so the engine rebuilds the tree and every reader's scope when
   * it changes. Exactly one registered collection says so.
   */
  isUnitTree?: true;
  /** Absent: the collection is read-only from devices. */
  write?: WriteRule<D, Decision>;
  /** Fields only the server sets (times, owners, statuses): ignored when telling a retried write from a new one. */
  serverOwned?: readonly string[];
}

/**
 * A registration with its document and decision types erased, as the engine
 * holds them side by side. Each one's own `check` produced the decision its
 * `apply` receives, and rows reach `check` only after the schema validated
 * them, so the erased types are never mixed.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above: the per-registration types are erased here on purpose
export type AnyRegistration = CollectionRegistration<any, any>;

export class CollectionRegistry {
  private readonly byName = new Map<string, AnyRegistration>();

  register<D extends { id: string }, Decision>(registration: CollectionRegistration<D, Decision>): void {
    if (this.byName.has(registration.name)) throw new Error(`collection ${registration.name} registered twice`);
    this.byName.set(registration.name, registration);
  }

  get(name: string): AnyRegistration | undefined {
    return this.byName.get(name);
  }

  all(): AnyRegistration[] {
    return [...this.byName.values()];
  }
}
