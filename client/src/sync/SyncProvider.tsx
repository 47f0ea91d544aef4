import { createContext, useCallback, useContext, useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { KumiaiDatabase } from './database.ts';
import { startSyncEngine, type SyncEngine } from './engine.ts';
import type { CollectionRegistration } from './registration.ts';
import type { StoredRejection } from './rejections.ts';
import { startOver } from './restored.ts';
import { removeMemberData, requestPersistentStorage } from './session-data.ts';
import { keepAndStop } from './storage-lost.ts';

/**
 * The sync engine for the app. Wrap the signed-in part of the app:
 *
 *   <SyncProvider memberId={session?.memberId ?? null} collections={registrations}>…</SyncProvider>
 *
 * - With a member id it opens that member's database and starts syncing (also
 *   offline); with null, or a different id, it stops the previous engine.
 * - `useSyncDatabase()` gives the RxDatabase (null until open):
 *   `db.members.findOne(id).$`, `doc.incrementalPatch({ phone })` — every write
 *   is counted as waiting until the server acknowledges it.
 * - `useRejections()` lists the changes the server refused, with `dismiss`.
 * - `useSyncEngine()` gives the engine, for sign-out: `hasPendingWrites(engine)`,
 *   `awaitPendingWrites(engine, ms)` (kiosk), `stopAndRemoveLocalData(engine)`.
 * - The header indicator reads `useSyncStatus()` (status.ts). When it shows
 *   `stopReason: 'unauthenticated'`, ask the member to sign in again and then
 *   call `restart()` from `useSyncEngine`; the waiting writes are sent then.
 *   On 'account_closed' this provider removes the member's local data itself.
 * - When the server was restored from a backup, this provider starts over
 *   (restored.ts): a fresh database, the member's lost changes written again.
 * - When the browser took the local database away (evicted, cleared, a stale
 *   connection), this provider reopens it and resyncs (storage-lost.ts): the
 *   member is told, and the changes that were waiting are written again.
 */

interface SyncContextValue {
  engine: SyncEngine | null;
  error: Error | null;
  /** Starts a fresh engine for the same member (after signing in again). */
  restart: () => void;
}

const SyncContext = createContext<SyncContextValue>({ engine: null, error: null, restart: () => undefined });

interface SyncProviderProps {
  memberId: string | null;
  /** Every feature module's synced collections (the app passes them in: the engine knows no feature). Keep it a stable array. */
  collections: readonly CollectionRegistration[];
  /** A personal device asks the browser to keep its data; a shared kiosk never does. */
  personalDevice: boolean;
  children: ReactNode;
}

export function SyncProvider({ memberId, collections, personalDevice, children }: SyncProviderProps): ReactNode {
  const [engine, setEngine] = useState<SyncEngine | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [generation, setGeneration] = useState(0);
  const restart = useCallback(() => setGeneration((g) => g + 1), []);

  useEffect(() => {
    if (!memberId) return;
    let cancelled = false;
    let current: SyncEngine | null = null;
    if (personalDevice) void requestPersistentStorage();
    startSyncEngine({
      memberId,
      collections,
      onAccountClosed: (closed) => {
        // The member left the union: nothing of theirs may stay on this device.
        void closed.stop().then(() => removeMemberData(memberId));
        setEngine(null);
      },
      onServerRestored: (old, restored) => {
        setEngine(null);
        void startOver(old, restored).then(restart, (err: unknown) => setError(err instanceof Error ? err : new Error(String(err))));
      },
      onStorageLost: (lost) => {
        setEngine(null);
        void keepAndStop(lost).then((again) => again && restart());
      },
    }).then(
      (started) => {
        current = started;
        if (cancelled) void started.stop();
        else setEngine(started);
      },
      (err: unknown) => {
        if (!cancelled) setError(err instanceof Error ? err : new Error(String(err)));
      },
    );
    return () => {
      cancelled = true;
      setEngine(null);
      setError(null);
      void current?.stop();
    };
  }, [memberId, generation, collections, personalDevice, restart]);

  return <SyncContext.Provider value={{ engine, error, restart }}>{children}</SyncContext.Provider>;
}

export function useSyncEngine(): SyncContextValue {
  return useContext(SyncContext);
}

/** The signed-in member's database, or null while it opens (or when nobody is signed in). */
export function useSyncDatabase(): KumiaiDatabase | null {
  return useContext(SyncContext).engine?.database.db ?? null;
}

const noRejections: readonly StoredRejection[] = [];

/** Changes the server refused, newest last, and a way to dismiss one once the member has seen it. */
export function useRejections(): { rejections: readonly StoredRejection[]; dismiss: (key: string) => Promise<void> } {
  const store = useContext(SyncContext).engine?.database.rejections ?? null;
  const subscribe = useCallback(
    (onChange: () => void) => {
      const sub = store?.rejections$.subscribe(onChange);
      return () => sub?.unsubscribe();
    },
    [store],
  );
  const rejections = useSyncExternalStore(subscribe, () => store?.listRejections() ?? noRejections);
  const dismiss = useCallback((key: string) => store?.dismissRejection(key) ?? Promise.resolve(), [store]);
  return { rejections, dismiss };
}
