/**
 * ElGamal encryption and the zero-knowledge proofs of Belenios 2.0:
 * interval membership (§4.12), possibly-blank votes (§4.13), Schnorr proofs
 * of knowledge (§4.5 pok, §4.6.1 sigmsg, §4.14 sig, §4.18 decrypt).
 * Ported step for step from the reference implementation (src/lib/v1/question_h.ml at tag 2.0).
 */
import { mod, type GroupOps, type Powers } from './group.ts';
import { hashToZq } from './hash.ts';
import { randomBelow } from './random.ts';
import type { Ciphertext, Proof } from './types.ts';

export function encrypt(ops: GroupOps, y: bigint, r: bigint, m: bigint): Ciphertext {
  return { alpha: ops.gPow(r), beta: ops.mul(ops.pow(y, r), ops.gPow(m)) };
}
export function combine(ops: GroupOps, a: Ciphertext, b: Ciphertext): Ciphertext {
  return { alpha: ops.mul(a.alpha, b.alpha), beta: ops.mul(a.beta, b.beta) };
}
export const ONE_CIPHERTEXT: Ciphertext = { alpha: 1n, beta: 1n };

/** g^-k for k ≥ 0. */
export function gNeg(ops: GroupOps, k: number): bigint {
  return ops.gNegPow(k);
}
/** The d vector of a disjunction over M in [min..max]: d_i = g^-(min+i). */
export function makeD(ops: GroupOps, min: number, max: number): bigint[] {
  const d: bigint[] = [];
  for (let i = 0; i <= max - min; i++) d.push(ops.gNegPow(min + i));
  return d;
}

/**
 * (beta·g^-k)^ch for the prover, where beta = y^r·g^m: y^(r·ch)·g^((m-k)·ch)
 * on the fixed-base tables when y is in the group (then exponents reduce mod
 * q exactly), else as written. `yResp` = y^resp is folded in: the result is
 * y^resp·(beta·g^-k)^ch.
 */
function fakeB(ops: GroupOps, y: bigint, resp: bigint, ch: bigint, r: bigint, m: number, beta: bigint, k: number): bigint {
  if (ops.isMember(y)) return ops.mul(ops.powModQ(y, resp + r * ch), ops.powModQ(ops.g, BigInt(m - k) * ch));
  return ops.mul(ops.pow(y, resp), ops.pow(ops.mul(beta, ops.gNegPow(k)), ch));
}

/**
 * A commitment pair of the verifier: g^resp·alpha^ch and y^resp·(beta·g^-k)^ch,
 * the latter as y^resp·beta^ch·g^(-k·ch mod q) (g has order q): the same
 * residues as the specification's formula, with alpha's and beta's squarings
 * shared across their exponents (`pw`).
 */
function commitPair(pw: Powers, y: bigint, p: Proof, alpha: bigint, beta: bigint, k: number): [bigint, bigint] {
  const { ops } = pw;
  const A = ops.mul(ops.gPow(p.response), pw.pow(alpha, p.challenge));
  let B = ops.mul(pw.pow(y, p.response), pw.pow(beta, p.challenge));
  if (k !== 0) B = ops.mul(B, ops.gPow(mod(-BigInt(k) * p.challenge, ops.q)));
  return [A, B];
}

const provePrefix = (zkp: string, c: Ciphertext) => `prove|${zkp}|${c.alpha},${c.beta}|`;

/** iprove (§4.12) over M in [min..max]: c = (g^r, y^r·g^(min+x)), as made by `encrypt` (or a product of such). */
export function disjProve(ops: GroupOps, y: bigint, min: number, max: number, zkp: string, x: number, r: bigint, c: Ciphertext): Proof[] {
  const n = max - min + 1;
  if (x < 0 || x >= n) throw new RangeError('disjProve: value out of range');
  const q = ops.q;
  const proofs: Proof[] = new Array<Proof>(n);
  const commitments: bigint[] = new Array<bigint>(2 * n);
  let total = 0n;
  for (let i = 0; i < n; i++) {
    if (i === x) continue;
    const challenge = randomBelow(q);
    const response = randomBelow(q);
    proofs[i] = { challenge, response };
    commitments[2 * i] = ops.gPow(mod(response + r * challenge, q));
    commitments[2 * i + 1] = fakeB(ops, y, response, challenge, r, min + x, c.beta, min + i);
    total += challenge;
  }
  const w = randomBelow(q);
  commitments[2 * x] = ops.gPow(w);
  commitments[2 * x + 1] = ops.pow(y, w);
  const challenge = mod(hashToZq(provePrefix(zkp, c), commitments, q) - total, q);
  proofs[x] = { challenge, response: mod(w - r * challenge, q) };
  return proofs;
}

/**
 * The check of iprove over M in [min..max]. `membersChecked`: c is a product
 * of ciphertexts already checked to be in the group (then it is too). `pw`
 * may be shared with other checks of the same ballot.
 */
export function disjVerify(ops: GroupOps, y: bigint, min: number, max: number, zkp: string, proofs: readonly Proof[], c: Ciphertext, membersChecked = false, pw: Powers = ops.powers()): boolean {
  const n = max - min + 1;
  if (proofs.length !== n) return false;
  if (!membersChecked && (!pw.check(c.alpha) || !pw.check(c.beta))) return false;
  const commitments: bigint[] = [];
  let total = 0n;
  for (let i = 0; i < n; i++) {
    const p = proofs[i]!;
    if (!ops.inZq(p.challenge) || !ops.inZq(p.response)) return false;
    commitments.push(...commitPair(pw, y, p, c.alpha, c.beta, min + i));
    total += p.challenge;
  }
  return hashToZq(provePrefix(zkp, c), commitments, ops.q) === mod(total, ops.q);
}

interface BlankInput {
  min: number;
  max: number;
  m0: number;
  c0: Ciphertext;
  r0: bigint;
  mS: number;
  cS: Ciphertext;
  rS: bigint;
}

/** overall_proof and blank_proof of a question that allows blank votes (§4.13.1, §4.13.2). */
export function blankProve(ops: GroupOps, y: bigint, zkp: string, b: BlankInput): { overall: Proof[]; blank: Proof[] } {
  const { q } = ops;
  const { min, max, m0, c0, r0, mS, cS, rS } = b;
  const k = max - min + 2;
  // A simulated branch for (beta·g^-k) where c = (g^r, y^r·g^m).
  const fake = (r: bigint, c: Ciphertext, m: number, k: number) => {
    const challenge = randomBelow(q);
    const response = randomBelow(q);
    return {
      proof: { challenge, response },
      A: ops.gPow(mod(response + r * challenge, q)),
      B: fakeB(ops, y, response, challenge, r, m, c.beta, k),
    };
  };
  const blankPrefix = `bproof0|${zkp}|`;
  const overallPrefix = `bproof1|${zkp}|`;
  if (m0 === 0) {
    // blank_proof: m0 = 0 (true) ∨ mS = 0
    const f1 = fake(rS, cS, mS, 0);
    const w = randomBelow(q);
    const h = hashToZq(blankPrefix, [ops.gPow(w), ops.pow(y, w), f1.A, f1.B], q);
    const challenge0 = mod(h - f1.proof.challenge, q);
    const blank = [{ challenge: challenge0, response: mod(w - r0 * challenge0, q) }, f1.proof];
    // overall_proof: m0 = 1 ∨ mS ∈ [min..max] (true at index mS-min+1)
    if (mS < min || mS > max) throw new RangeError('blankProve: sum out of range');
    const overall: Proof[] = new Array<Proof>(k);
    const commitments: bigint[] = new Array<bigint>(2 * k);
    const f0 = fake(r0, c0, m0, 1);
    overall[0] = f0.proof;
    commitments[0] = f0.A;
    commitments[1] = f0.B;
    let total = f0.proof.challenge;
    const indexTrue = mS - min + 1;
    for (let i = 1; i < k; i++) {
      if (i === indexTrue) continue;
      const f = fake(rS, cS, mS, min + i - 1);
      overall[i] = f.proof;
      commitments[2 * i] = f.A;
      commitments[2 * i + 1] = f.B;
      total += f.proof.challenge;
    }
    const w2 = randomBelow(q);
    commitments[2 * indexTrue] = ops.gPow(w2);
    commitments[2 * indexTrue + 1] = ops.pow(y, w2);
    const challenge = mod(hashToZq(overallPrefix, commitments, q) - total, q);
    overall[indexTrue] = { challenge, response: mod(w2 - rS * challenge, q) };
    return { overall, blank };
  }
  if (m0 !== 1 || mS !== 0) throw new RangeError('blankProve: a blank vote selects nothing');
  // blank_proof: m0 = 0 ∨ mS = 0 (true)
  const f0 = fake(r0, c0, m0, 0);
  const w = randomBelow(q);
  const h = hashToZq(blankPrefix, [f0.A, f0.B, ops.gPow(w), ops.pow(y, w)], q);
  const challenge1 = mod(h - f0.proof.challenge, q);
  const blank = [f0.proof, { challenge: challenge1, response: mod(w - rS * challenge1, q) }];
  // overall_proof: m0 = 1 (true) ∨ mS ∈ [min..max]
  const overall: Proof[] = new Array<Proof>(k);
  const commitments: bigint[] = new Array<bigint>(2 * k);
  let total = 0n;
  for (let i = 1; i < k; i++) {
    const f = fake(rS, cS, mS, min + i - 1);
    overall[i] = f.proof;
    commitments[2 * i] = f.A;
    commitments[2 * i + 1] = f.B;
    total += f.proof.challenge;
  }
  const w2 = randomBelow(q);
  commitments[0] = ops.gPow(w2);
  commitments[1] = ops.pow(y, w2);
  const challenge = mod(hashToZq(overallPrefix, commitments, q) - total, q);
  overall[0] = { challenge, response: mod(w2 - r0 * challenge, q) };
  return { overall, blank };
}

/** c0 and cS must be (products of) ciphertexts already checked to be in the group, as verifyBallot does. */
export function blankVerify(ops: GroupOps, y: bigint, zkp: string, min: number, max: number, c0: Ciphertext, cS: Ciphertext, overall: readonly Proof[], blank: readonly Proof[], pw: Powers = ops.powers()): boolean {
  const { q } = ops;
  if (blank.length !== 2 || overall.length !== max - min + 2) return false;
  const all = [...blank, ...overall];
  if (!all.every((p) => ops.inZq(p.challenge) && ops.inZq(p.response))) return false;
  // commit(p, c, k): the commitments for (c.alpha, c.beta·g^-k)
  const commit = (p: Proof, c: Ciphertext, k: number) => commitPair(pw, y, p, c.alpha, c.beta, k);
  const [b0, b1] = [blank[0]!, blank[1]!];
  const hb = hashToZq(`bproof0|${zkp}|`, [...commit(b0, c0, 0), ...commit(b1, cS, 0)], q);
  if (hb !== mod(b0.challenge + b1.challenge, q)) return false;
  const commitments = commit(overall[0]!, c0, 1);
  let total = overall[0]!.challenge;
  for (let i = 1; i < overall.length; i++) {
    commitments.push(...commit(overall[i]!, cS, min + i - 1));
    total += overall[i]!.challenge;
  }
  return hashToZq(`bproof1|${zkp}|`, commitments, q) === mod(total, q);
}

/** A Schnorr proof of knowledge of x = log_g(X) whose challenge is hashToZq(prefix, [g^w]). */
export function schnorrProve(ops: GroupOps, x: bigint, prefix: string): Proof {
  const w = randomBelow(ops.q);
  const challenge = hashToZq(prefix, [ops.gPow(w)], ops.q);
  return { challenge, response: mod(w - x * challenge, ops.q) };
}
export function schnorrVerify(ops: GroupOps, X: bigint, prefix: string, p: Proof): boolean {
  if (!ops.inZq(p.challenge) || !ops.inZq(p.response)) return false;
  const A = ops.mul(ops.gPow(p.response), ops.pow(X, p.challenge));
  return hashToZq(prefix, [A], ops.q) === p.challenge;
}

/** The pok of a trustee_public_key (§4.5): prefix pok|G|X|. */
export const pokPrefix = (group: string, X: bigint) => `pok|${group}|${X}|`;

/** Decryption-factor proof (§4.18): log_g(X) = log_alpha(factor). */
export function decryptProve(ops: GroupOps, fingerprint: string, x: bigint, alpha: bigint): Proof {
  const w = randomBelow(ops.q);
  const prefix = `decrypt|${fingerprint}|${ops.gPow(x)}|`;
  const challenge = hashToZq(prefix, [ops.gPow(w), ops.pow(alpha, w)], ops.q);
  return { challenge, response: mod(w - x * challenge, ops.q) };
}
export function decryptVerify(ops: GroupOps, fingerprint: string, X: bigint, alpha: bigint, factor: bigint, p: Proof): boolean {
  if (!ops.check(factor) || !ops.inZq(p.challenge) || !ops.inZq(p.response)) return false;
  const A = ops.mul(ops.gPow(p.response), ops.pow(X, p.challenge));
  const B = ops.mul(ops.pow(alpha, p.response), ops.pow(factor, p.challenge));
  return hashToZq(`decrypt|${fingerprint}|${X}|`, [A, B], ops.q) === p.challenge;
}
