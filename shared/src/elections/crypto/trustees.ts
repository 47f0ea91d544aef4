/**
 * Trustees (§3.1.1, §4.5–4.7): simple ("Single") keys and the threshold
 * ("Pedersen") key establishment, run step by step where each step happens:
 * steps 1, 3 and 5 on the trustee's device (they touch the seed), steps 2, 4
 * and 6 on the server (they only route and check public data).
 */
import { mod, type GroupOps } from './group.ts';
import { bignum, parseJson, readBignumList, readObject, writeSignedMsg, writeThresholdParameters, readArray } from './json.ts';
import { channelRecv, channelSend, deriveDk, deriveSk, generateSeed, sign, verifySigned } from './pki.ts';
import { pokPrefix, schnorrProve, schnorrVerify } from './proofs.ts';
import { randomBelow } from './random.ts';
import type { Polynomial, SignedMsg, ThresholdParameters, TrusteeKind, TrusteePublicKey, Vinput, Voutput } from './types.ts';

// ---- Single ---------------------------------------------------------------

export function trusteePublicKeyOf(ops: GroupOps, x: bigint): TrusteePublicKey {
  const X = ops.gPow(x);
  return { pok: schnorrProve(ops, x, pokPrefix(ops.group.name, X)), public_key: X };
}

/** A simple trustee key: the private exponent stays with the trustee, the public part goes to the server. */
export function generateSingleKey(ops: GroupOps): { privateKey: bigint; publicKey: TrusteePublicKey } {
  const privateKey = randomBelow(ops.q);
  return { privateKey, publicKey: trusteePublicKeyOf(ops, privateKey) };
}

export function checkTrusteePublicKey(ops: GroupOps, k: TrusteePublicKey): boolean {
  return ops.check(k.public_key) && schnorrVerify(ops, k.public_key, pokPrefix(ops.group.name, k.public_key), k.pok);
}

// ---- Pedersen -------------------------------------------------------------

interface CertKeys {
  verification: bigint;
  encryption: bigint;
}
export function certKeys(cert: SignedMsg): CertKeys {
  const o = readObject(parseJson(cert.message, 'cert_keys'), 'cert_keys');
  return { verification: bignum(o.verification, 'verification'), encryption: bignum(o.encryption, 'encryption') };
}
export function coefexpsOf(m: SignedMsg): bigint[] {
  return readBignumList(readObject(parseJson(m.message, 'raw_coefexps'), 'raw_coefexps').coefexps, 'coefexps');
}
export const verifyCert = (ops: GroupOps, cert: SignedMsg): boolean => {
  try {
    return verifySigned(ops, certKeys(cert).verification, cert);
  } catch {
    return false;
  }
};

/** Step 1 (trustee): a secret seed, kept on the device, and the public certificate. */
export function pedersenStep1(ops: GroupOps): { seed: string; cert: SignedMsg } {
  const seed = generateSeed();
  const sk = deriveSk(seed);
  const dk = deriveDk(seed);
  const cert = sign(ops, sk, `{"verification":"${ops.gPow(sk)}","encryption":"${ops.gPow(dk)}"}`);
  return { seed, cert };
}

function myIndex(ops: GroupOps, certs: readonly SignedMsg[], seed: string): number {
  const vk = ops.gPow(deriveSk(seed));
  const ek = ops.gPow(deriveDk(seed));
  const i = certs.findIndex((c) => {
    const k = certKeys(c);
    return k.verification === vk && k.encryption === ek;
  });
  if (i < 0) throw new Error('could not find my certificate');
  return i;
}

/** Step 2 (server, and each trustee on receipt): every certificate validates. */
export function pedersenStep2(ops: GroupOps, certs: readonly SignedMsg[]): void {
  certs.forEach((c, i) => {
    if (!verifyCert(ops, c)) throw new Error(`certificate ${i + 1} does not validate`);
  });
}

function evalPoly(ops: GroupOps, coeffs: readonly bigint[], x: bigint): bigint {
  let res = 0n;
  let cur = 1n;
  for (const a of coeffs) {
    res = mod(res + cur * a, ops.q);
    cur = mod(cur * x, ops.q);
  }
  return res;
}

/** Step 3 (trustee): a random polynomial of `threshold` coefficients, its shares encrypted to each trustee. */
export function pedersenStep3(ops: GroupOps, certs: readonly SignedMsg[], seed: string, threshold: number): Polynomial {
  pedersenStep2(ops, certs);
  if (threshold < 1 || threshold > certs.length) throw new Error('threshold must be between 1 and the number of trustees');
  myIndex(ops, certs, seed);
  const sk = deriveSk(seed);
  const ek = ops.gPow(deriveDk(seed));
  const coeffs = Array.from({ length: threshold }, () => randomBelow(ops.q));
  const polynomial = channelSend(ops, sk, ek, `{"polynomial":[${coeffs.map((a) => `"${a}"`).join(',')}]}`);
  const coefexps = sign(ops, sk, `{"coefexps":[${coeffs.map((a) => `"${ops.gPow(a)}"`).join(',')}]}`);
  const secrets = certs.map((c, j) => channelSend(ops, sk, certKeys(c).encryption, `{"secret":"${evalPoly(ops, coeffs, BigInt(j + 1))}"}`));
  return { polynomial, secrets, coefexps };
}

/** Step 4 (server): routes each trustee's shares into its vinput, after checking every coefexps signature. */
export function pedersenStep4(ops: GroupOps, certs: readonly SignedMsg[], polynomials: readonly Polynomial[]): Vinput[] {
  pedersenStep2(ops, certs);
  if (polynomials.length !== certs.length) throw new Error('one polynomial per trustee expected');
  const coefexps = polynomials.map((p) => p.coefexps);
  coefexps.forEach((c, i) => {
    if (!verifySigned(ops, certKeys(certs[i]!).verification, c)) throw new Error(`coefexps ${i + 1} does not validate`);
  });
  return certs.map((_, j) => ({ polynomial: polynomials[j]!.polynomial, secrets: polynomials.map((p) => p.secrets[j]!), coefexps }));
}

/** g^{f_i(j)} from the published commitments A_ik (§4.6.5). */
function commitmentAt(ops: GroupOps, coefexps: readonly bigint[], j: bigint): bigint {
  let acc = 1n;
  let jk = 1n;
  for (const A of coefexps) {
    acc = ops.mul(acc, ops.pow(A, jk));
    jk *= j;
  }
  return acc;
}

/** Verification keys g^{S_j} of every trustee, from the coefexps of all (§4.6.6). */
export function computeVerificationKeys(ops: GroupOps, coefexps: readonly (readonly bigint[])[]): bigint[] {
  return coefexps.map((_, j) => coefexps.reduce((vk, c) => ops.mul(vk, commitmentAt(ops, c, BigInt(j + 1))), 1n));
}

/** Step 5 (trustee): checks its shares against the commitments, derives its decryption key and voutput. */
export function pedersenStep5(ops: GroupOps, certs: readonly SignedMsg[], seed: string, vinput: Vinput): Voutput {
  pedersenStep2(ops, certs);
  const j = myIndex(ops, certs, seed) + 1;
  const sk = deriveSk(seed);
  const dk = deriveDk(seed);
  const vk = ops.gPow(sk);
  const keys = certs.map(certKeys);
  const ownPoly = readObject(parseJson(channelRecv(ops, dk, vk, vinput.polynomial), 'raw_polynomial'), 'raw_polynomial');
  const threshold = readArray(ownPoly.polynomial, 'polynomial').length;
  if (vinput.secrets.length !== certs.length || vinput.coefexps.length !== certs.length) throw new Error('vinput does not match the certificates');
  let S = 0n;
  vinput.coefexps.forEach((c, i) => {
    if (!verifySigned(ops, keys[i]!.verification, c)) throw new Error(`coefexps ${i + 1} does not validate`);
    const A = coefexpsOf(c);
    if (A.length !== threshold) throw new Error(`coefexps ${i + 1} has the wrong degree`);
    const secretMsg = readObject(parseJson(channelRecv(ops, dk, keys[i]!.verification, vinput.secrets[i]!), 'secret'), 'secret');
    const s = bignum(secretMsg.secret, 'secret');
    if (ops.gPow(s) !== commitmentAt(ops, A, BigInt(j))) throw new Error(`secret ${i + 1} does not validate`);
    S += s;
  });
  S = mod(S, ops.q);
  return { private_key: channelSend(ops, sk, ops.gPow(dk), `{"decryption_key":"${S}"}`), public_key: trusteePublicKeyOf(ops, S) };
}

/** Step 6 (server): checks every voutput and assembles the threshold parameters (§4.6.7). */
export function pedersenStep6(ops: GroupOps, certs: readonly SignedMsg[], polynomials: readonly Polynomial[], voutputs: readonly Voutput[]): ThresholdParameters {
  pedersenStep2(ops, certs);
  if (polynomials.length !== certs.length || voutputs.length !== certs.length) throw new Error('one polynomial and one voutput per trustee expected');
  const coefexps = polynomials.map((p, i) => {
    if (!verifySigned(ops, certKeys(certs[i]!).verification, p.coefexps)) throw new Error(`coefexps ${i + 1} does not validate`);
    return coefexpsOf(p.coefexps);
  });
  const vks = computeVerificationKeys(ops, coefexps);
  voutputs.forEach((vo, j) => {
    if (!checkTrusteePublicKey(ops, vo.public_key)) throw new Error(`pok ${j + 1} does not validate`);
    if (vo.public_key.public_key !== vks[j]) throw new Error(`verification key ${j + 1} is incorrect`);
  });
  return { threshold: coefexps[0]!.length, certs: [...certs], coefexps: polynomials.map((p) => p.coefexps), verification_keys: voutputs.map((v) => v.public_key) };
}

/** The trustee's threshold decryption key, recovered from its own voutput with its seed. */
export function recoverDecryptionKey(ops: GroupOps, seed: string, voutputPrivateKey: string): bigint {
  const dk = deriveDk(seed);
  const o = readObject(parseJson(channelRecv(ops, dk, ops.gPow(deriveSk(seed)), voutputPrivateKey), 'partial_decryption_key'), 'partial_decryption_key');
  return bignum(o.decryption_key, 'decryption_key');
}

// ---- the trustees structure -------------------------------------------------

/** Returns the first problem in a trustees structure, or null (Belenios' Combinator.check). */
export function checkTrustees(ops: GroupOps, trustees: readonly TrusteeKind[]): string | null {
  for (const [i, t] of trustees.entries()) {
    if (t.kind === 'Single') {
      if (!checkTrusteePublicKey(ops, t.key)) return `trustee ${i + 1}: proof of knowledge of the key is invalid`;
      continue;
    }
    const p = t.params;
    if (!p.certs.every((c) => verifyCert(ops, c))) return `trustee group ${i + 1}: a certificate does not validate`;
    if (p.certs.length !== p.coefexps.length || p.certs.length !== p.verification_keys.length) return `trustee group ${i + 1}: sizes differ`;
    const keys = p.certs.map(certKeys);
    if (!p.coefexps.every((c, j) => verifySigned(ops, keys[j]!.verification, c))) return `trustee group ${i + 1}: a coefexps signature does not validate`;
    const coefexps = p.coefexps.map(coefexpsOf);
    if (!p.verification_keys.every((k) => checkTrusteePublicKey(ops, k))) return `trustee group ${i + 1}: a verification key's proof is invalid`;
    if (coefexps.some((c) => c.length !== p.threshold)) return `trustee group ${i + 1}: threshold does not match the polynomials`;
    const vks = computeVerificationKeys(ops, coefexps);
    if (!p.verification_keys.every((k, j) => k.public_key === vks[j])) return `trustee group ${i + 1}: a verification key does not match the polynomials`;
  }
  return null;
}

/** The election public key y = ∏ sub-keys (§3.1.1). */
export function combineKeys(ops: GroupOps, trustees: readonly TrusteeKind[]): bigint {
  return trustees.reduce((y, t) => ops.mul(y, t.kind === 'Single' ? t.key.public_key : t.params.coefexps.reduce((acc, c) => ops.mul(acc, coefexpsOf(c)[0]!), 1n)), 1n);
}

/** Verification keys in "owner" order: 1-based over Singles and each Pedersen member (§4.18). */
export function ownerKeys(trustees: readonly TrusteeKind[]): bigint[] {
  return trustees.flatMap((t) => (t.kind === 'Single' ? [t.key.public_key] : t.params.verification_keys.map((k) => k.public_key)));
}

export { writeThresholdParameters, writeSignedMsg };
