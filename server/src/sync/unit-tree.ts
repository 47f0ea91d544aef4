import { unitPathsOf } from '@kumiai/shared';
import type { Db } from '../db/database.ts';

/**
 * The whole unit tree in memory (a union has hundreds of units, not
 * millions): paths for the permission rules without a query per document.
 * Reloaded when the units change.
 */
/** Where the tree comes from: the synced collection whose documents are the units, and their table (id, parent_id). */
export interface TreeSource {
  collection: string;
  table: string;
}

export class UnitTree {
  private paths = new Map<string, string[]>();
  /** The units' latest sync sequence when loaded: readers recompute their scopes when it moves. */
  version = -1;

  constructor(
    private readonly db: Db,
    readonly source: TreeSource,
  ) {}

  /** Reloads when the units' sync sequence moved. */
  refresh(): void {
    const version = (this.db.prepare('SELECT coalesce(max(seq), 0) FROM sync_docs WHERE collection = ?').pluck().get(this.source.collection) as number) ?? 0;
    if (version === this.version) return;
    const rows = this.db.prepare(`SELECT id, parent_id FROM ${this.source.table}`).all() as { id: string; parent_id: string | null }[];
    this.paths = unitPathsOf(rows);
    this.version = version;
  }

  get size(): number {
    return this.paths.size;
  }

  path(unitId: string): string[] {
    return this.paths.get(unitId) ?? [];
  }

  entries(): IterableIterator<[string, string[]]> {
    return this.paths.entries();
  }
}
