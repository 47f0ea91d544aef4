import { useEffect } from 'react';
import { keepFiles } from '../../lib/file-cache.ts';
import { useSession } from '../auth/index.ts';
import { photoShelf, photosToKeep } from './photos.ts';
import { watchMyElections } from './use-my-elections.ts';

/** Keeps the candidate photos of the member's elections on the device (and only those); renders nothing. */
export function CandidatePhotoKeeper() {
  const { me } = useSession();
  const memberId = me?.member.id ?? null;
  useEffect(() => {
    if (!memberId) return;
    return keepFiles(photoShelf(memberId), (listener) => watchMyElections(memberId, (elections) => listener(photosToKeep(elections))));
  }, [memberId]);
  return null;
}
