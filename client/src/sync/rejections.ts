import type { RejectionCode } from '@kumiai/shared';
import type { RxDatabase } from 'rxdb';
import { map, type Observable } from 'rxjs';
import { LocalValue } from './local-store.ts';

/**
 * Changes the server refused, kept (persisted with the member's data) until the
 * member has seen them: the screen says "your change was refused: <reason>"
 * and offers to fix it (the attempted document is here) or discard it.
 * The refused document itself is put back to the server's state by the
 * conflict handler, so it never lingers in the local data as if it were saved.
 */
export interface StoredRejection {
  /**
   * The refusal's identity: collection, document, code and field. The same change refused again
   * (pushed again after a reconnect, by a retry, or by another tab) is the same refusal for the
   * member, so it replaces the earlier entry instead of being listed twice.
   */
  key: string;
  collection: string;
  /** The document's id. */
  id: string;
  code: RejectionCode;
  /** The server's developer-facing detail; show the member the text for `code` instead. */
  message: string;
  field?: string;
  /** The state the device tried to write. */
  attempted: Record<string, unknown>;
  at: number;
}
interface RejectionData {
  items: StoredRejection[];
}

const KEY = 'kumiai-sync-rejections';
/** Enough for a member to review; older ones fall off instead of growing without bound. */
const MAX_KEPT = 200;

/** One refusal per collection, document, code and field, whoever added it and however often. */
export function rejectionKey(r: Pick<StoredRejection, 'collection' | 'id' | 'code' | 'field'>): string {
  return JSON.stringify([r.collection, r.id, r.code, r.field ?? null]);
}

/**
 * One entry per identity (at its first place, with its latest content). Entries are keyed by
 * identity, so writers that raced (two tabs, a retried push) converge on one; lists stored by
 * earlier versions, keyed per refusal, are folded too. Returns `items` itself when nothing folds.
 */
function unique(items: readonly StoredRejection[]): readonly StoredRejection[] {
  const byKey = new Map<string, StoredRejection>();
  for (const item of items) {
    const key = rejectionKey(item);
    byKey.set(key, item.key === key ? item : { ...item, key });
  }
  return byKey.size === items.length && items.every((item) => item.key === rejectionKey(item)) ? items : [...byKey.values()];
}

export class RejectionStore {
  /** The last list handed out, so a snapshot is the same array until the data changes (useSyncExternalStore needs that). */
  private memo: { from: readonly StoredRejection[]; to: readonly StoredRejection[] } | null = null;

  private constructor(private readonly store: LocalValue<RejectionData>) {}

  private view(items: readonly StoredRejection[]): readonly StoredRejection[] {
    if (this.memo?.from !== items) this.memo = { from: items, to: unique(items) };
    return this.memo.to;
  }

  static async open(db: RxDatabase): Promise<RejectionStore> {
    return new RejectionStore(await LocalValue.open<RejectionData>(db, KEY, { items: [] }));
  }

  listRejections(): readonly StoredRejection[] {
    return this.view(this.store.value.items);
  }

  get rejections$(): Observable<readonly StoredRejection[]> {
    return this.store.value$.pipe(map((d) => this.view(d.items)));
  }

  add(items: readonly Omit<StoredRejection, 'key'>[]): Promise<void> {
    if (items.length === 0) return Promise.resolve();
    const keyed = items.map((item) => ({ ...item, key: rejectionKey(item) }));
    return this.store.modify((d) => {
      const next = [...unique(d.items)];
      for (const item of keyed) {
        const at = next.findIndex((kept) => kept.key === item.key);
        if (at >= 0) next[at] = item;
        else next.push(item);
      }
      return { items: next.slice(-MAX_KEPT) };
    });
  }

  /** The member has seen it (and fixed or discarded the change). */
  dismissRejection(key: string): Promise<void> {
    return this.store.modify((d) => ({ items: unique(d.items).filter((item) => item.key !== key) }));
  }

  close(): void {
    this.store.close();
  }
}
