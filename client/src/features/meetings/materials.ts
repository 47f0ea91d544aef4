import { cachedFile } from '../../lib/file-cache.ts';
import { memberFilesCacheName } from '../../sync/session-data.ts';

/** The meetings' own shelf of files (lib/file-cache.ts), removed with the member's data like every shelf. */
export const materialsShelf = (memberId: string): string => memberFilesCacheName(memberId, 'meetings');

/** A material's bytes from the device, fetching (and keeping) them when they are not there yet; null when neither works. */
export function cachedMaterial(memberId: string, hash: string): Promise<Blob | null> {
  return cachedFile(materialsShelf(memberId), hash);
}
