import { candidatePhotos, type VoterElection } from '@kumiai/shared';
import { cachedFile } from '../../lib/file-cache.ts';
import { memberFilesCacheName } from '../../sync/session-data.ts';

/**
 * Candidate photos kept on the member's device for offline reading, on the
 * elections' own shelf (lib/file-cache.ts; removed with the member's data).
 */
export const photoShelf = (memberId: string): string => memberFilesCacheName(memberId, 'elections');

/** Every candidate photo of the member's elections, once each. */
export function photosToKeep(elections: readonly VoterElection[]): string[] {
  return [...new Set(elections.flatMap((e) => candidatePhotos(e).map((p) => p.hash)))];
}

/** The photo from the device, fetched (and kept) when it is not there yet; null when neither works. */
export function devicePhoto(memberId: string, hash: string): Promise<Blob | null> {
  return cachedFile(photoShelf(memberId), hash);
}
