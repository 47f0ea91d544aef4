import type { TrusteeTask } from './api.ts';
import { groupOps, loadElection, partialDecrypt, pedersenStep1, pedersenStep3, pedersenStep5, readEncryptedTally, recoverDecryptionKey, writePartialDecryption, writeSignedMsg } from './crypto/index.ts';
import { readCert, readVinput, writePolynomial, writeVoutput } from './trustee-messages.ts';

/**
 * What a trustee's device computes for the server's tasks (issue 17): step 1
 * (a new seed, kept on the device, and its certificate), steps 3 and 5, and
 * the partial decryption of the tally. One implementation for the app, the
 * tests and the benchmark; the group is the one the server uses.
 */
const ops = groupOps('BELENIOS-2048');

/** Step 1: a new seed (never sent) and the certificate to post. */
export function trusteeCert(): { seed: string; cert: string } {
  const { seed, cert } = pedersenStep1(ops);
  return { seed, cert: writeSignedMsg(cert) };
}

export type TrusteeAnswer = { step: 'polynomial' | 'voutput' | 'decryption'; message: string };

/** The message for the server's task (steps 3 and 5, or the partial decryption); null when the task asks nothing of this seed. */
export function trusteeAnswer(task: TrusteeTask, seed: string): TrusteeAnswer | null {
  switch (task.step) {
    case 'polynomial':
      return { step: 'polynomial', message: writePolynomial(pedersenStep3(ops, task.certs.map(readCert), seed, task.threshold)) };
    case 'voutput':
      return { step: 'voutput', message: writeVoutput(pedersenStep5(ops, task.certs.map(readCert), seed, readVinput(task.vinput))) };
    case 'decrypt': {
      const x = recoverDecryptionKey(ops, seed, task.voutputPrivateKey);
      return { step: 'decryption', message: writePartialDecryption(partialDecrypt(loadElection(task.election), readEncryptedTally(task.encryptedTally), x)) };
    }
    case 'cert':
    case 'wait':
    case 'done':
      return null;
  }
}
