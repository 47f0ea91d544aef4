import { useSyncExternalStore } from 'react';
import { removeRxDatabase, type RxStorage } from 'rxdb';
import { createExternalStore } from '../lib/external-store.ts';
import { removeStored } from '../lib/storage.ts';
import { saveCarry } from './carry-over.ts';
import { databaseNameFor } from './database.ts';
import type { SyncEngine } from './engine.ts';
import { setPending, setRejected } from './status.ts';

/**
 * The member's local data across sign-in and sign-out:
 * - sign-in: ask the browser to keep our storage (not evicted under pressure);
 * - sign-out: warn while writes are waiting (`hasPendingWrites`); a kiosk waits
 *   for them (`awaitPendingWrites`) or tells the member why it cannot; then
 *   `stopAndRemoveLocalData` removes everything of this member;
 * - session ended (close 4401): keep everything; the next sign-in sends it;
 * - account closed (close 4403): remove everything.
 */

/** Whether the browser keeps this origin's data under storage pressure: unknown until asked. */
export type StoragePersistence = 'persisted' | 'best-effort' | 'unsupported' | 'unknown';
const persistence = createExternalStore<StoragePersistence>('unknown');

/** What the browser answered the last time we asked (shown on the member's page). */
export function useStoragePersistence(): StoragePersistence {
  return useSyncExternalStore(persistence.subscribe, persistence.getSnapshot, persistence.getSnapshot);
}

/**
 * navigator.storage.persist() where it exists (secure contexts): a personal device asks once its member
 * signed in, since a browser evicts non-persistent IndexedDB under pressure, and with it the writes still
 * waiting to be sent. A kiosk never asks: nothing of a member should stay there. True when granted.
 */
export async function requestPersistentStorage(): Promise<boolean> {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
  if (!storage || typeof storage.persist !== 'function') {
    persistence.set('unsupported');
    return false;
  }
  try {
    const kept = (await storage.persisted()) || (await storage.persist());
    persistence.set(kept ? 'persisted' : 'best-effort');
    return kept;
  } catch {
    persistence.set('best-effort');
    return false;
  }
}

/** localStorage key of the changes carried over a server restore until they are written again (restored.ts). */
export function resendKey(memberId: string): string {
  return `kumiai.restored-resend.${memberId}`;
}

/** localStorage key of the waiting changes kept when the browser took the database away, until they are written again (storage-lost.ts). */
export function storageLostKey(memberId: string): string {
  return `kumiai.storage-lost-resend.${memberId}`;
}

/**
 * A localStorage key for something of this member's that lives outside their database (an officer's
 * list or queue for the door, say): every key under `kumiai.member.<id>.` is removed with the rest of
 * their data at sign-out. Under `outbox.` a feature keeps items still to be sent, as a JSON array:
 * they count as waiting in the sign-out warning (`memberOutboxCount`).
 */
export function memberLocalKey(memberId: string, name: string): string {
  return `kumiai.member.${memberId}.${name}`;
}

function memberLocalKeys(memberId: string): string[] {
  if (typeof localStorage === 'undefined') return [];
  const prefix = memberLocalKey(memberId, '');
  try {
    return Object.keys(localStorage).filter((key) => key.startsWith(prefix));
  } catch {
    return [];
  }
}

/** Items a member's features keep in localStorage outboxes, not sent yet (beside the database's waiting writes). */
export function memberOutboxCount(memberId: string): number {
  const outbox = memberLocalKey(memberId, 'outbox.');
  let count = 0;
  for (const key of memberLocalKeys(memberId)) {
    if (!key.startsWith(outbox)) continue;
    try {
      const value: unknown = JSON.parse(localStorage.getItem(key) ?? '[]');
      if (Array.isArray(value)) count += value.length;
    } catch {
      // Unreadable: nothing that could be sent.
    }
  }
  return count;
}

/**
 * The Cache Storage cache holding a member's files kept for offline reading
 * (lib/file-cache.ts): notice attachments and kept documents on the main
 * shelf, another feature's files (e.g. candidate photos) on its own `shelf`.
 */
export function memberFilesCacheName(memberId: string, shelf?: string): string {
  return shelf ? `kumiai-files-${memberId}/${shelf}` : `kumiai-files-${memberId}`;
}

/** The Cache Storage cache holding files a member attached offline (forms) until they are uploaded. */
export function memberOutboxCacheName(memberId: string): string {
  return `kumiai-outbox-${memberId}`;
}

async function deleteFilesCache(memberId: string): Promise<void> {
  // Changes carried over a server restore are the member's data too (a kiosk keeps nothing of anyone).
  saveCarry(resendKey(memberId), null);
  saveCarry(storageLostKey(memberId), null);
  for (const key of memberLocalKeys(memberId)) removeStored(key);
  if (typeof caches === 'undefined') return;
  await caches.delete(memberFilesCacheName(memberId)).catch(() => false);
  const shelves = `${memberFilesCacheName(memberId)}/`;
  for (const name of await caches.keys().catch(() => [])) if (name.startsWith(shelves)) await caches.delete(name).catch(() => false);
  await caches.delete(memberOutboxCacheName(memberId)).catch(() => false);
}

export async function hasPendingWrites(engine: SyncEngine): Promise<boolean> {
  await engine.database.pending.flush();
  return engine.database.pending.count > 0;
}

/** Resolves true once nothing is waiting, false when `timeoutMs` passes first (offline, server refusing). */
export async function awaitPendingWrites(engine: SyncEngine, timeoutMs: number): Promise<boolean> {
  const pending = engine.database.pending;
  await pending.flush();
  if (pending.count === 0) return true;
  return new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => {
      sub.unsubscribe();
      resolve(false);
    }, timeoutMs);
    const sub = pending.count$.subscribe((n) => {
      if (n > 0) return;
      clearTimeout(timer);
      queueMicrotask(() => sub.unsubscribe());
      resolve(true);
    });
  });
}

/** Stops replication and deletes the member's database with its replication state, pending and rejection stores. */
export async function stopAndRemoveLocalData(engine: SyncEngine): Promise<void> {
  await engine.stop();
  const { db } = engine.database;
  await removeRxDatabase(engine.database.name, db.storage, db.multiInstance);
  await deleteIndexedDbDatabases(engine.database.name);
  await deleteFilesCache(engine.database.memberId);
  setPending(0);
  setRejected([]);
}

/**
 * Stops and deletes the member's database only (documents, replication state, pending and rejection
 * stores), keeping the file caches: attachments still waiting in the outbox are uploaded after a restart.
 * Used when the server was restored from a backup and the device starts over (restored.ts).
 */
export async function removeLocalDatabase(engine: SyncEngine): Promise<void> {
  await engine.stop();
  const { db } = engine.database;
  await removeRxDatabase(engine.database.name, db.storage, db.multiInstance);
  await deleteIndexedDbDatabases(engine.database.name);
}

/** The same without an open engine (e.g. a kiosk clearing a previous member's leftovers at start). */
export async function removeMemberData(memberId: string, storage?: RxStorage<unknown, unknown>): Promise<void> {
  const use = storage ?? (await import('rxdb/plugins/storage-dexie')).getRxStorageDexie();
  await removeRxDatabase(databaseNameFor(memberId), use);
  await deleteIndexedDbDatabases(databaseNameFor(memberId));
  await deleteFilesCache(memberId);
}

/**
 * RxDB's Dexie storage empties its IndexedDB databases on removal but leaves
 * them, named after the member: delete them too (one per collection and
 * replication, all `rxdb-dexie-<name>--…`). Closed already, so nothing blocks.
 */
async function deleteIndexedDbDatabases(name: string): Promise<void> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return;
  const prefix = `rxdb-dexie-${name}--`;
  const names = (await indexedDB.databases()).map((d) => d.name ?? '').filter((n) => n.startsWith(prefix));
  await Promise.all(
    names.map(
      (n) =>
        new Promise<void>((resolve) => {
          const request = indexedDB.deleteDatabase(n);
          // Should another tab still hold it, the deletion completes once it closes; do not wait forever.
          const timer = setTimeout(resolve, 3_000);
          request.onsuccess = request.onerror = () => {
            clearTimeout(timer);
            resolve();
          };
        }),
    ),
  );
}
