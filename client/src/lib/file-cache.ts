import { fileUrl } from '../api/files.ts';

/**
 * Files kept on the device for offline reading (Cache Storage). Each feature
 * keeps its own shelf, a cache of its own named by `memberFilesCacheName`
 * (sync/session-data.ts, which removes every shelf of a member with the
 * member's data), so one feature's list never drops another's files.
 */

function available(): boolean {
  return typeof caches !== 'undefined';
}

/** Fetches every listed file not cached yet into the shelf `cacheName`, and drops from it the files no longer listed. */
export async function syncFileCache(cacheName: string, hashes: readonly string[]): Promise<void> {
  if (!available()) return;
  const cache = await caches.open(cacheName);
  const wanted = new Set(hashes.map((hash) => new URL(fileUrl(hash), location.origin).href));
  for (const request of await cache.keys()) if (!wanted.has(request.url)) await cache.delete(request);
  if (typeof navigator !== 'undefined' && !navigator.onLine) return;
  for (const url of wanted) {
    if (await cache.match(url)) continue;
    try {
      const response = await fetch(url, { credentials: 'same-origin' });
      if (response.ok) await cache.put(url, response);
    } catch {
      return; // offline after all: try again at the next change
    }
  }
}

/** The file's bytes from the shelf, fetching (and keeping) them when they are not there yet; null when neither works. */
export async function cachedFile(cacheName: string, hash: string): Promise<Blob | null> {
  const url = new URL(fileUrl(hash), location.origin).href;
  const cache = available() ? await caches.open(cacheName) : null;
  const hit = await cache?.match(url);
  if (hit) return hit.blob();
  try {
    const response = await fetch(url, { credentials: 'same-origin' });
    if (!response.ok) return null;
    await cache?.put(url, response.clone());
    return await response.blob();
  } catch {
    return null;
  }
}

/**
 * Keeps the shelf in step with `hashes` as they change (one sync at a time,
 * again when the device comes back online); returns the stop function.
 */
export function keepFiles(cacheName: string, subscribe: (listener: (hashes: string[]) => void) => () => void): () => void {
  let running = Promise.resolve();
  let latest: string[] | null = null;
  const run = (): void => {
    const hashes = latest;
    if (hashes === null) return;
    running = running.then(() => syncFileCache(cacheName, hashes)).catch(() => undefined);
  };
  const stop = subscribe((hashes) => {
    latest = hashes;
    run();
  });
  window.addEventListener('online', run);
  return () => {
    stop();
    window.removeEventListener('online', run);
  };
}
