import type { ElectionInput, ElectionState } from './api.ts';

/**
 * Candidate photos (issue 17): an image the commission uploads for a
 * candidate, shown with the candidate's list and kept on the voter's device
 * for offline reading, so it is kept small.
 */

/** Largest candidate photo the server accepts (the uploads limit is higher; a phone photo is made smaller before it is sent). */
export const CANDIDATE_PHOTO_MAX_BYTES = 1024 * 1024;

/** Each candidate photo of the election, with the candidate's name (a photo used twice is listed twice). */
export function candidatePhotos(input: Pick<ElectionInput, 'questions'>): { hash: string; name: string }[] {
  return input.questions.flatMap((q) => q.options.flatMap((o) => (o.photo ? [{ hash: o.photo, name: o.name }] : [])));
}

/**
 * Who may see an election's candidates (their statements and photos): its
 * commission at any state, and a member on its frozen roll once it is ready
 * (not while it is a draft: the candidates may still change). Nobody else,
 * admins included.
 */
export function mayReadCandidates(viewer: { commission: boolean; onRoll: boolean }, state: ElectionState): boolean {
  return viewer.commission || (viewer.onRoll && state !== 'draft');
}
