import type { TrusteeTask } from '@kumiai/shared';
import { readStored, writeStored } from '../../lib/storage.ts';

/**
 * The trustee's device side (issue 17): the Pedersen steps 1, 3 and 5 and the
 * partial decryption, computed here with the crypto library (loaded only when
 * needed). The seed is kept on this device (localStorage, per election and
 * member) and in the backup file; it is never sent.
 */

export interface TrusteeKeep {
  seed: string;
  /** Step 1's certificate, kept until the backup has been downloaded, then sent. */
  cert: string;
  backedUp: boolean;
}

const key = (electionId: string, memberId: string) => `kumiai.electionTrustee.${electionId}.${memberId}`;

export function loadKeep(electionId: string, memberId: string): TrusteeKeep | null {
  const raw = readStored(key(electionId, memberId));
  if (!raw) return null;
  try {
    const v = JSON.parse(raw) as Partial<TrusteeKeep>;
    return typeof v.seed === 'string' ? { seed: v.seed, cert: typeof v.cert === 'string' ? v.cert : '', backedUp: v.backedUp === true } : null;
  } catch {
    return null;
  }
}

export function saveKeep(electionId: string, memberId: string, keep: TrusteeKeep): void {
  writeStored(key(electionId, memberId), JSON.stringify(keep));
}

/** The device's computations (shared/src/elections/trustee-device.ts), with the crypto library loaded only when needed. */
const steps = () => import('@kumiai/shared/elections/trustee-device');

/** Step 1: a new seed and its certificate. */
export async function makeCert(): Promise<{ seed: string; cert: string }> {
  return (await steps()).trusteeCert();
}

/** The message for the server's task (steps 3 and 5, or the partial decryption). */
export async function answerTask(task: TrusteeTask, seed: string): Promise<{ step: 'polynomial' | 'voutput' | 'decryption'; message: string } | null> {
  return (await steps()).trusteeAnswer(task, seed);
}

const backupHeader = 'KUMIAI ELECTION TRUSTEE BACKUP';

/** The backup file: the seed and what it is for, in both languages. */
export function backupText(electionId: string, memberId: string, title: string, seed: string): string {
  return [
    backupHeader,
    '',
    `選挙 / Election: ${title}`,
    '',
    'これは、この選挙の開票の鍵のうち、あなたの分を作る秘密の種(シード)です。誰にも見せず、安全な場所に保管してください。',
    'この端末を失ったときは、別の端末で「トラスティの作業」を開き、このファイルを読み込むと続けられます。開票が終わったら削除してかまいません。',
    '',
    'This is the secret seed of your share of this election’s counting key. Show it to nobody and keep it somewhere safe.',
    'If you lose this device, open “Trustee tasks” on another device and load this file to carry on. You may delete it once the count is over.',
    '',
    `election: ${electionId}`,
    `member: ${memberId}`,
    `seed: ${seed}`,
    '',
  ].join('\n');
}

/** The seed in a backup file, if it is this member's for this election. */
export function seedFromBackup(text: string, electionId: string, memberId: string): string | null {
  if (!text.startsWith(backupHeader)) return null;
  const field = (name: string) => new RegExp(`^${name}: (.+)$`, 'm').exec(text)?.[1]?.trim() ?? null;
  if (field('election') !== electionId || field('member') !== memberId) return null;
  return field('seed');
}
