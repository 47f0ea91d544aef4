import type { DocumentDoc, NoticeDoc } from '@kumiai/shared';
import { memberFilesCacheName } from '../../sync/session-data.ts';
import { fileUrl } from '../../api/files.ts';

/**
 * Notice attachments and the current files of documents marked "keep offline",
 * kept on the device (Cache Storage, one cache per member, removed with the
 * member's data) so they open with no network.
 */

/** The hashes of every file to keep: all notice attachments, and the current file of each "keep offline" document. */
export function filesToKeep(notices: readonly NoticeDoc[], documents: readonly DocumentDoc[]): string[] {
  const hashes = new Set(notices.flatMap((n) => (n.attachments ?? []).map((a) => a.hash)));
  for (const d of documents) if (d.kind === 'document' && d.keepOffline && d.current) hashes.add(d.current.file.hash);
  return [...hashes];
}

function available(): boolean {
  return typeof caches !== 'undefined';
}

/** Fetches every file to keep (see `filesToKeep`) that is not cached yet, and drops the files nothing references any more. */
export async function syncFileCache(memberId: string, hashes: readonly string[]): Promise<void> {
  if (!available()) return;
  const cache = await caches.open(memberFilesCacheName(memberId));
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

/** The attachment's bytes from the device, fetching (and keeping) them when they are not there yet; null when neither works. */
export async function cachedFile(memberId: string, hash: string): Promise<Blob | null> {
  const url = new URL(fileUrl(hash), location.origin).href;
  const cache = available() ? await caches.open(memberFilesCacheName(memberId)) : null;
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
