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
  /** Unique per refusal (a document refused twice, in two different states, is listed twice). */
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

export class RejectionStore {
  private constructor(private readonly store: LocalValue<RejectionData>) {}

  static async open(db: RxDatabase): Promise<RejectionStore> {
    return new RejectionStore(await LocalValue.open<RejectionData>(db, KEY, { items: [] }));
  }

  listRejections(): readonly StoredRejection[] {
    return this.store.value.items;
  }

  get rejections$(): Observable<readonly StoredRejection[]> {
    return this.store.value$.pipe(map((d) => d.items));
  }

  add(items: readonly Omit<StoredRejection, 'key'>[]): Promise<void> {
    if (items.length === 0) return Promise.resolve();
    const stamped = items.map((item) => ({ ...item, key: `${item.collection}|${item.id}|${item.at}|${Math.random().toString(36).slice(2, 8)}` }));
    // One entry per refused field of a document: the same change pushed again (an initial push racing
    // the resync after connecting, or a retry with a fresher master) is still one refused change for
    // the member, so it replaces the earlier entry (keeping its key) instead of piling up.
    const same = (a: StoredRejection, b: StoredRejection): boolean => a.collection === b.collection && a.id === b.id && a.code === b.code && a.field === b.field;
    return this.store.modify((d) => {
      const next = [...d.items];
      for (const item of stamped) {
        const at = next.findIndex((kept) => same(kept, item));
        if (at >= 0) next[at] = { ...item, key: next[at]!.key };
        else next.push(item);
      }
      return { items: next.slice(-MAX_KEPT) };
    });
  }

  /** The member has seen it (and fixed or discarded the change). */
  dismissRejection(key: string): Promise<void> {
    return this.store.modify((d) => ({ items: d.items.filter((item) => item.key !== key) }));
  }

  close(): void {
    this.store.close();
  }
}
