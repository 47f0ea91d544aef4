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

/**
 * What a feature registers for each synced collection. The engine knows
 * nothing else about features: it does checkpoints, conflicts, streaming and
 * revocation for all of them alike.
 */
export interface CollectionRegistration {
  name: string;
  /** The JSON schema from shared/, the same one RxDB uses on the device. */
  schema: Record<string, unknown> & { properties: Record<string, Record<string, unknown>>; required?: readonly string[] };
  /**
   * Where documents live: the source table (alias `t`) and a SQLite
   * json_object(...) expression that projects a row into the synced document.
   * Only what every reader may see goes in (no hashes, no codes, ever).
   */
  source: { table: string; projection: string };
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
   * The write rule: null when the actor may make this change, else why not.
   * Absent: the collection is read-only from devices.
   */
  checkWrite?(ctx: WriteContext, master: Doc | null, next: Doc, deleted: boolean): { code: RejectionCode; field?: string; message?: string } | null;
  /** Fields only the server sets (times, owners, statuses): ignored when telling a retried write from a new one. */
  serverOwned?: readonly string[];
  /**
   * Applies an allowed write to the source table (the triggers stamp the sequence), with the same
   * master and deletion flag the write rule saw.
   */
  applyWrite?(ctx: WriteContext, next: Doc, master: Doc | null, deleted: boolean): void;
}

export class CollectionRegistry {
  private readonly byName = new Map<string, CollectionRegistration>();

  register(registration: CollectionRegistration): void {
    if (this.byName.has(registration.name)) throw new Error(`collection ${registration.name} registered twice`);
    this.byName.set(registration.name, registration);
  }

  get(name: string): CollectionRegistration | undefined {
    return this.byName.get(name);
  }

  all(): CollectionRegistration[] {
    return [...this.byName.values()];
  }
}
