import { deepEqual, type RxDatabase } from 'rxdb';
import { distinctUntilChanged, map, type Observable, type Subscription } from 'rxjs';
import { docState } from './conflict.ts';
import { LocalValue } from './local-store.ts';

/**
 * Local writes not yet acknowledged by the server, persisted beside the data so
 * the count survives a reload ("1 waiting" after an offline change + reload).
 *
 * Recorded: every write made in this tab to a synced collection that did not
 * come from the replication's downstream (RxDB tags those writes `replication-downstream-*`):
 * the app's own writes and RxDB's conflict resolutions, i.e. exactly what RxDB's
 * upstream will push. The entry keeps the written state.
 * Cleared: when a push carrying that same state is acknowledged without
 * rejection (see replication.ts), or when RxDB's meta instance shows the
 * document already equals the master state (a change undone before it was
 * pushed; `reconcile`). A later local write replaces the entry, so an ack of an
 * older state never clears a newer one.
 */
export interface PendingEntry {
  collection: string;
  id: string;
  /** The written state, without RxDB's _meta/_rev. */
  doc: Record<string, unknown>;
  at: number;
}
/**
 * A write the server acknowledged, kept for a while with the epoch and sequence
 * it reached: if the server is later restored from a backup older than that
 * sequence, the write was lost there and the device sends it again (restored.ts).
 */
export interface SentEntry extends PendingEntry {
  /** The server's sync epoch when it acknowledged (null: not known yet in this session). */
  epoch: string | null;
  seq: number;
}
/** Which backup the server was restored from (the `restored` signal of a pull). */
export interface RestoredFrom {
  at: string;
  seq: number;
  epoch: string | null;
}
interface PendingData {
  entries: Record<string, PendingEntry>;
  sent?: Record<string, SentEntry>;
}

/** Acknowledged writes are kept this long (and at most this many): restores to older backups are rare and announced. */
const SENT_KEEP_MS = 62 * 24 * 3600 * 1000;
const SENT_KEEP_MAX = 2000;

const KEY = 'kumiai-sync-pending';
const keyOf = (collection: string, id: string): string => `${collection}|${id}`;

export class PendingStore {
  private sub: Subscription | null = null;

  private constructor(private readonly store: LocalValue<PendingData>) {}

  static async open(db: RxDatabase, collections: readonly string[]): Promise<PendingStore> {
    const pending = new PendingStore(await LocalValue.open<PendingData>(db, KEY, { entries: {} }));
    const synced = new Set(collections);
    // Subscribed before the app gets the database, so no write is missed.
    pending.sub = db.eventBulks$.subscribe((bulk) => {
      if (bulk.isLocal || !bulk.collectionName || !synced.has(bulk.collectionName)) return;
      // Another tab's write reaches this database too (multi-instance): that tab records its own writes.
      // Recording it here as well could put an entry back after the leader's push already settled it.
      if (bulk.databaseToken !== db.token) return;
      if (bulk.context.startsWith('replication-downstream-')) return;
      const written = bulk.events.map((ev) => ({ id: ev.documentId, doc: docState(ev.documentData as Record<string, unknown>) }));
      void pending.record(bulk.collectionName, written);
    });
    return pending;
  }

  get entries(): PendingEntry[] {
    return Object.values(this.store.value.entries);
  }

  get count(): number {
    return this.entries.length;
  }

  /** The count now and on every change (any tab). */
  get count$(): Observable<number> {
    return this.store.value$.pipe(
      map((d) => Object.keys(d.entries).length),
      distinctUntilChanged(),
    );
  }

  /** Resolves once everything recorded so far is stored (tests, sign-out checks). */
  async flush(): Promise<void> {
    await this.store.modify((d) => d);
  }

  record(collection: string, written: readonly { id: string; doc: Record<string, unknown> }[]): Promise<void> {
    const at = Date.now();
    return this.store.modify((d) => {
      const entries = { ...d.entries };
      for (const w of written) entries[keyOf(collection, w.id)] = { collection, id: w.id, doc: w.doc, at };
      return { ...d, entries };
    });
  }

  /**
   * The server answered these pushed states for good: accepted, or refused (a
   * refused state moves to the rejection store; it will never be acknowledged).
   * Clears the entries still holding exactly these states.
   */
  settle(collection: string, states: readonly Record<string, unknown>[]): Promise<void> {
    return this.clearIf(collection, states, true);
  }

  /** Clears entries (by id) whatever state they hold; `reconcile` uses it once RxDB says they are in sync. */
  forget(collection: string, ids: readonly string[]): Promise<void> {
    return this.clearIf(
      collection,
      ids.map((id) => ({ id })),
      false,
    );
  }

  private clearIf(collection: string, states: readonly Record<string, unknown>[], sameStateOnly: boolean): Promise<void> {
    if (states.length === 0) return Promise.resolve();
    return this.store.modify((d) => {
      const entries = { ...d.entries };
      for (const state of states) {
        const key = keyOf(collection, String(state.id));
        const entry = entries[key];
        if (entry && (!sameStateOnly || deepEqual(entry.doc, docState(state)))) delete entries[key];
      }
      return { ...d, entries };
    });
  }

  /** Keeps acknowledged states with the epoch and sequence the server reached (see SentEntry). */
  acknowledged(collection: string, states: readonly Record<string, unknown>[], ack: { epoch: string | null; seq: number }): Promise<void> {
    if (states.length === 0 || !Number.isSafeInteger(ack.seq)) return Promise.resolve();
    const at = Date.now();
    return this.store.modify((d) => {
      const sent = { ...d.sent };
      for (const state of states) sent[keyOf(collection, String(state.id))] = { collection, id: String(state.id), doc: docState(state), at, epoch: ack.epoch, seq: ack.seq };
      const kept = Object.entries(sent)
        .filter(([, e]) => at - e.at < SENT_KEEP_MS)
        .sort(([, a], [, b]) => b.at - a.at)
        .slice(0, SENT_KEEP_MAX);
      return { ...d, sent: Object.fromEntries(kept) };
    });
  }

  /**
   * The writes a restore lost: acknowledged after the backup's sequence (in the
   * backup's epoch), or after its time when acknowledged in another epoch.
   * Waiting writes are not included (they are `entries`).
   */
  lostBy(restored: RestoredFrom): SentEntry[] {
    const backupAt = Date.parse(restored.at);
    return Object.values(this.store.value.sent ?? {}).filter((e) =>
      e.epoch !== null && e.epoch === restored.epoch ? e.seq > restored.seq : Number.isFinite(backupAt) && e.at > backupAt,
    );
  }

  close(): void {
    this.sub?.unsubscribe();
    this.store.close();
  }
}
