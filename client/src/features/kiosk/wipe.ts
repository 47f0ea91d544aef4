/**
 * What a member leaves on a shared kiosk, removed at sign-out so the next
 * member finds nothing of theirs. The waiting writes are sent before this
 * (`kioskSignOut` awaits them through the sync engine).
 */

import { SIGN_OUT_OWED_KEY } from '../auth/index.ts';

/** Device settings and state, not the member's: they stay on the kiosk. */
export const DEVICE_KEYS: readonly string[] = ['kumiai.lang', 'kumiai.fontScale', 'kumiai.contrast', SIGN_OUT_OWED_KEY];

/** The service worker's app shell: not anyone's data, and needed to start offline. */
const PRECACHE_PREFIX = 'workbox-precache';

async function wipeIndexedDb(): Promise<void> {
  if (typeof indexedDB === 'undefined') return;
  const databases = await indexedDB.databases();
  await Promise.all(
    databases.map(
      ({ name }) =>
        new Promise<void>((resolve) => {
          if (!name) return resolve();
          const request = indexedDB.deleteDatabase(name);
          request.onsuccess = () => resolve();
          request.onerror = () => resolve();
          // A tab still holding it open: the delete completes when it closes (the reload does that).
          request.onblocked = () => resolve();
        }),
    ),
  );
}

async function wipeCaches(): Promise<void> {
  if (typeof caches === 'undefined') return;
  const names = await caches.keys();
  await Promise.all(names.filter((name) => !name.startsWith(PRECACHE_PREFIX)).map((name) => caches.delete(name)));
}

function wipeLocalStorage(): void {
  try {
    for (const key of Object.keys(localStorage)) if (!DEVICE_KEYS.includes(key)) localStorage.removeItem(key);
  } catch {
    // No storage, nothing to wipe.
  }
}

/** Removes every trace of the member from this browser: IndexedDB, Cache Storage (but the app shell), localStorage (but device settings). */
export async function wipeMemberData(): Promise<void> {
  wipeLocalStorage();
  try {
    sessionStorage.clear();
  } catch {
    // Nothing to clear.
  }
  await Promise.all([wipeIndexedDb().catch(() => undefined), wipeCaches().catch(() => undefined)]);
}
