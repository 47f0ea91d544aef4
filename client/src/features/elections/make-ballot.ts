import type { BallotKit, ElectionQuestion, SlotChoice } from '@kumiai/shared';
import { plaintextFor } from '@kumiai/shared';

/**
 * Encrypts and signs the member's choices on this device (Belenios: the server
 * never sees the plaintext). The crypto library is loaded only here, when a
 * member votes, so it does not weigh on the app's first load. The kit's
 * credential lives only in this call's memory.
 */
export async function makeBallot(kit: BallotKit, questions: readonly ElectionQuestion[], choices: readonly SlotChoice[], typed?: string): Promise<string> {
  const plaintext = plaintextFor(questions, choices);
  const { createBallot, loadElection } = await import('@kumiai/shared/elections/crypto/index');
  // Server mode: the kit's credential. Commission-member mode: the one from the member's letter (typed or from the link).
  const credential = kit.credential ?? typed;
  if (credential === undefined) throw new Error('no credential');
  return createBallot(loadElection(kit.election), credential, plaintext);
}

/** Whether a typed credential has the right form and checksum (a typing mistake is caught before any network use). */
export async function credentialLooksValid(credential: string): Promise<boolean> {
  const { isValidSecretCredential } = await import('@kumiai/shared/elections/crypto/index');
  return isValidSecretCredential(credential);
}

export type TrackerSearch = 'found' | 'not_found' | 'invalid';

/**
 * Looks for a smart ballot tracker among the ballots of the public record
 * (.bel): the archive must read as Belenios writes it and its event chain be
 * whole (checkChain), else `invalid`.
 */
export async function findTracker(bytes: Uint8Array, tracker: string): Promise<TrackerSearch> {
  const { parseArchive, checkChain, ballotTracker } = await import('@kumiai/shared/elections/crypto/index');
  let ballots: string[];
  try {
    const archive = parseArchive(bytes);
    const byHash = new Map(archive.records.map((r) => [r.hash, r.content]));
    ballots = checkChain(archive)
      .events.filter(({ event }) => event.type === 'Ballot' && event.payload !== undefined)
      .map(({ event }) => byHash.get(event.payload!) ?? '');
  } catch {
    return 'invalid';
  }
  return ballots.some((raw) => ballotTracker(raw) === tracker) ? 'found' : 'not_found';
}
