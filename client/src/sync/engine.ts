import type { RxDatabase, RxStorage } from 'rxdb';
import type { Subscription } from 'rxjs';
import { SyncConnection, type SyncConnectionOptions } from './connection.ts';
import { openMemberDatabase, type MemberDatabase, type OpenMemberDatabaseOptions } from './database.ts';
import { beforePushFor, type CollectionRegistration } from './registration.ts';
import { startReplication, type BeforePushHooks, type ReplicationHandle } from './replication.ts';
import type { RestoredFrom } from './pending.ts';
import { resendCarriedOver, type ServerRestoredNotice } from './restored.ts';
import { LocalValue } from './local-store.ts';
import { getSnapshot, markSynced, setLeading, setOnline, setPending, setPhase, setRejected, setStopReason, subscribe, type SyncPhase } from './status.ts';
import { resumeAfterLoss, type StorageLostNotice } from './storage-lost.ts';

/**
 * The sync engine of one signed-in member: their database, the shared
 * connection and the replications, wired to the status store (header
 * indicator). Opens and works with no network; replication waits.
 */
export interface SyncEngine {
  database: MemberDatabase;
  /** Whether this tab replicates (the leader among the member's open tabs); the others follow it. */
  leading(): boolean;
  connection: SyncConnection;
  replication: ReplicationHandle;
  /** Settles once changes carried over from before a server restore were written again (null: there were none). */
  resent: Promise<ServerRestoredNotice | null>;
  /** Settles once the changes kept when the browser took the previous database away were written again (null: none was lost). */
  recovered: Promise<StorageLostNotice | null>;
  /** Stops syncing and closes the database; the data and the waiting writes stay. */
  stop(): Promise<void>;
}

export interface StartSyncEngineOptions {
  memberId: string;
  storage?: RxStorage<unknown, unknown>;
  /** Tests: the IndexedDB implementation for the default Dexie storage (see OpenMemberDatabaseOptions). */
  indexedDB?: OpenMemberDatabaseOptions['indexedDB'];
  devMode?: boolean;
  multiInstance?: boolean;
  /** The synced collections, as the feature modules register them (the engine knows no feature: the app passes them in). */
  collections: readonly CollectionRegistration[];
  connection?: SyncConnectionOptions;
  retryTimeMs?: number;
  /** Tests: steps before a push, instead of the registrations' `beforePush` for this member. */
  beforePush?: BeforePushHooks;
  /** Whether this engine feeds the app-wide status store (false for a second client in tests). */
  feedStatus?: boolean;
  /** Called once when the server closes the account (4403): the caller removes the local data. */
  onAccountClosed?: (engine: SyncEngine) => void;
  /**
   * Called once when the server turns out to be restored from a backup (a new sync epoch): the caller
   * runs `startOver(engine, restored)` (restored.ts), then starts a new engine, which re-sends the writes.
   */
  onServerRestored?: (engine: SyncEngine, restored: RestoredFrom) => void;
  /**
   * Called once when the browser took the local database away (evicted, cleared, a stale connection;
   * storage-loss.ts): the caller runs `keepAndStop(engine)` (storage-lost.ts), then starts a new engine.
   */
  onStorageLost?: (engine: SyncEngine, cause: unknown) => void;
}

export async function startSyncEngine(options: StartSyncEngineOptions): Promise<SyncEngine> {
  const database = await openMemberDatabase({
    memberId: options.memberId,
    ...(options.storage ? { storage: options.storage } : {}),
    ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
    ...(options.devMode !== undefined ? { devMode: options.devMode } : {}),
    ...(options.multiInstance !== undefined ? { multiInstance: options.multiInstance } : {}),
    collections: options.collections,
  });
  const connection = new SyncConnection(options.connection);
  let restoredOnce = false;
  const replication = startReplication({
    onRestored: (restored) => {
      if (restoredOnce) return;
      restoredOnce = true;
      queueMicrotask(() => options.onServerRestored?.(engine, restored));
    },
    db: database,
    connection,
    ...(options.retryTimeMs ? { retryTimeMs: options.retryTimeMs } : {}),
    beforePush: options.beforePush ?? beforePushFor(options.collections, options.memberId),
  });
  const subs: Subscription[] = [];
  let stopped = false;
  let leading = false;
  // What the leading tab reports, for the others' header: one tab syncs, every tab says how it went.
  const shared = await LocalValue.open<SharedStatus>(database.db as unknown as RxDatabase, SHARED_STATUS_KEY, { phase: 'syncing', lastSyncedAt: null });

  const engine: SyncEngine = {
    database,
    leading: () => leading,
    connection,
    replication,
    resent: Promise.resolve(null),
    recovered: Promise.resolve(null),
    async stop() {
      if (stopped) return;
      stopped = true;
      subs.forEach((s) => s.unsubscribe());
      if (leading && options.feedStatus !== false) setLeading(false);
      connection.stop();
      shared.close();
      try {
        await replication.stop();
      } finally {
        // Also when the storage is gone and the replication failed to stop cleanly: the name must be free to reopen.
        await database.close();
      }
    },
  };

  engine.resent = resendCarriedOver(engine).catch(() => null);
  engine.recovered = resumeAfterLoss(engine).catch(() => null);

  // The one place that decides "the local database is gone" is the database's loss watch; the replication's errors go there too.
  replication.states.forEach((rs) => subs.push(rs.error$.subscribe((err) => database.reportError(err))));
  subs.push(
    database.lost$.subscribe((cause) => {
      if (stopped) return;
      console.warn(`sync: the local database was lost (${cause instanceof Error ? cause.message : String(cause)}); reopening it`);
      if (options.feedStatus !== false) setPhase('syncing');
      queueMicrotask(() => options.onStorageLost?.(engine, cause));
    }),
  );

  let open = false;
  let active = true;
  const settle = (): void => {
    if (stopped || !open || active) return;
    // Idle with an open socket: everything known was pushed and pulled.
    markSynced(Date.now());
    void replication.reconcile().catch(() => undefined);
  };
  // A write is recorded as waiting asynchronously (from RxDB's event stream): a conflict resolution's entry
  // can land after the push that settled it, once everything is idle. Reconcile again when that happens.
  subs.push(database.pending.count$.subscribe((n) => n > 0 && settle()));
  subs.push(
    connection.state$.subscribe((s) => {
      if (!leading) return;
      open = s.state === 'open';
      if (s.state === 'stopped' && (s.stopReason === 'unauthenticated' || s.stopReason === 'account_closed')) {
        if (options.feedStatus !== false) setStopReason(s.stopReason);
        if (s.stopReason === 'account_closed') options.onAccountClosed?.(engine);
      }
      if (options.feedStatus !== false && s.state !== 'connecting' && s.state !== 'authenticating') setOnline(open);
      settle();
    }),
    replication.active$.subscribe((list) => {
      if (!leading) return;
      active = list.some(Boolean);
      if (active && options.feedStatus !== false) setPhase('syncing');
      settle();
    }),
  );
  if (options.feedStatus !== false) {
    setStopReason(null);
    // Not "up to date" until the first pull and push have settled.
    setPhase('syncing');
    subs.push(
      database.pending.count$.subscribe((n) => setPending(n)),
      database.rejections.rejections$.subscribe((items) =>
        setRejected(items.map((r) => ({ collection: r.collection, id: r.id, code: r.code, at: r.at, key: r.key, ...(r.field ? { field: r.field } : {}) }))),
      ),
    );
  }
  // The browser knows first when the network is back: try at once instead of waiting out the backoff.
  // And when it is gone: an open socket may keep looking alive long after the network went away.
  if (typeof window !== 'undefined') {
    const retry = (): void => connection.retryNow();
    const drop = (): void => connection.disconnect();
    window.addEventListener('online', retry);
    window.addEventListener('offline', drop);
    subs.push({
      unsubscribe: () => {
        window.removeEventListener('online', retry);
        window.removeEventListener('offline', drop);
      },
    } as Subscription);
  }
  if (options.feedStatus !== false) {
    // Until this tab leads, its header shows what the leading tab reports.
    subs.push(
      shared.value$.subscribe((status) => {
        if (leading) return;
        if (status.phase === 'synced' && status.lastSyncedAt !== null) markSynced(status.lastSyncedAt);
        else setPhase('syncing');
      }),
    );
  }
  void database.db.waitForLeadership().then(() => {
    if (stopped) return;
    leading = true;
    if (options.feedStatus !== false) {
      setLeading(true);
      setPhase('syncing');
      let last = '';
      const report = (): void => {
        const { phase, lastSyncedAt } = getSnapshot();
        const next: SharedStatus = { phase, lastSyncedAt };
        const text = JSON.stringify(next);
        if (text === last || stopped) return;
        last = text;
        void shared.modify(() => next).catch(() => undefined);
      };
      const unsubscribe = subscribe(report);
      subs.push({ unsubscribe } as Subscription);
      report();
    }
    connection.start();
  });
  return engine;
}

const SHARED_STATUS_KEY = 'kumiai-sync-leader-status';
interface SharedStatus {
  phase: SyncPhase;
  lastSyncedAt: number | null;
}
