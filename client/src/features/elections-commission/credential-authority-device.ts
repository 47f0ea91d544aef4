import type { RollEntry } from '@kumiai/shared';

/**
 * The credential authority's device (issue 17, commission-member mode): one
 * secret credential per roll member, made here with the crypto library loaded
 * only now, and its public part for the server. The secrets live in this
 * page's memory only (printed as letters, never stored or sent).
 */
export interface Letter {
  memberId: string;
  name: string;
  unitPath: string[];
  weight: number;
  /** The secret credential (printed on the letter only). */
  secret: string;
  /** g^s in decimal: the only part the server receives. */
  credential: string;
}

/** The link on a letter: the credential is in the fragment, which browsers never send to the server. */
export function voteLink(origin: string, electionId: string, secret: string): string {
  return `${origin}/elections/${encodeURIComponent(electionId)}/vote#credential=${encodeURIComponent(secret)}`;
}

/** Letters for these roll entries, in their order; `onProgress` after each (the page stays responsive between them). */
export async function makeLetters(uuid: string, entries: readonly RollEntry[], onProgress: (done: number) => void = () => undefined): Promise<Letter[]> {
  const { generateSecretCredential, groupOps, publicCredential } = await import('@kumiai/shared/elections/crypto/index');
  const ops = groupOps('BELENIOS-2048');
  const letters: Letter[] = [];
  for (const e of entries) {
    const secret = generateSecretCredential();
    letters.push({ memberId: e.memberId, name: e.name, unitPath: e.unitPath, weight: e.weight, secret, credential: publicCredential(ops, uuid, secret).toString() });
    onProgress(letters.length);
    if (letters.length % 10 === 0) await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return letters;
}
