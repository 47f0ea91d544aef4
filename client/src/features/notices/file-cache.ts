import type { DocumentDoc, NoticeDoc } from '@kumiai/shared';
import { cachedFile as cachedOnShelf } from '../../lib/file-cache.ts';
import { memberFilesCacheName } from '../../sync/session-data.ts';

/**
 * Notice attachments and the current files of documents marked "keep offline",
 * kept on the device (the member's files shelf, lib/file-cache.ts, removed
 * with the member's data) so they open with no network.
 */

/** The hashes of every file to keep: all notice attachments, and the current file of each "keep offline" document. */
export function filesToKeep(notices: readonly NoticeDoc[], documents: readonly DocumentDoc[]): string[] {
  const hashes = new Set(notices.flatMap((n) => (n.attachments ?? []).map((a) => a.hash)));
  for (const d of documents) if (d.kind === 'document' && d.keepOffline && d.current) hashes.add(d.current.file.hash);
  return [...hashes];
}

/** The attachment's bytes from the device, fetching (and keeping) them when they are not there yet; null when neither works. */
export function cachedFile(memberId: string, hash: string): Promise<Blob | null> {
  return cachedOnShelf(memberFilesCacheName(memberId), hash);
}
