import { CANDIDATE_PHOTO_MAX_BYTES, candidatePhotos, mayReadCandidates, type Actor, type ElectionInput } from '@kumiai/shared';
import { Repository } from '../../lib/statements.ts';
import type { ActorRepo } from '../auth/index.ts';
import type { FileReadRule, UploadsService } from '../uploads/index.ts';
import { isCommission } from './election-view.ts';
import type { ElectionRow, ElectionsRepo } from './elections-repo.ts';

/**
 * Candidate photos (issue 17): each is an uploaded image; the commission sets
 * it on a candidate, and the file is then served by the shared rule
 * `mayReadCandidates` (the commission; the roll once the election is ready).
 */

/** The elections whose candidates show this photo. */
export class PhotoElections extends Repository {
  showing(hash: string): ElectionRow[] {
    return this.sql(
      `SELECT DISTINCT e.* FROM elections e, json_each(e.input, '$.questions') q, json_each(q.value, '$.options') o
       WHERE json_extract(o.value, '$.photo') = ?`,
    ).all(hash) as ElectionRow[];
  }
}

/** Who may fetch a candidate photo (added to the uploads feature's file access): served under the candidate's name. */
export function candidatePhotoReadRule(photos: PhotoElections, repo: ElectionsRepo, actors: ActorRepo): FileReadRule {
  return (actor, hash) => {
    for (const row of photos.showing(hash)) {
      const viewer = { commission: isCommission(actors, actor, row), onRoll: repo.rollEntry(row.id, actor.memberId) !== undefined };
      if (!mayReadCandidates(viewer, row.state)) continue;
      return candidatePhotos(JSON.parse(row.input) as ElectionInput).find((p) => p.hash === hash)?.name ?? 'photo';
    }
    return null;
  };
}

/**
 * The check on saving an election: a photo new to it must be an image of at
 * most CANDIDATE_PHOTO_MAX_BYTES that the member saving uploaded; one already
 * there (set by another commission member) may stay.
 */
export function candidatePhotoCheck(uploads: UploadsService): (actor: Actor, input: ElectionInput, before: ElectionInput | null) => void {
  return (actor, input, before) => {
    const kept = new Set(before ? candidatePhotos(before).map((p) => p.hash) : []);
    for (const { hash } of candidatePhotos(input)) if (!kept.has(hash)) uploads.checkOwnedImage(actor.memberId, hash, CANDIDATE_PHOTO_MAX_BYTES);
  };
}
