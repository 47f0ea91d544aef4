/**
 * The tally (§3.4, §4.16, §4.18, §4.19): weighted homomorphic product of the
 * last ballot of each credential, partial decryptions with proofs (made by
 * each trustee on their own device), their combination — Lagrange
 * interpolation for threshold groups — and the discrete logarithm of the
 * totals.
 */
import { mod, modInverse, type GroupOps } from './group.ts';
import { questionLength, type Election } from './election.ts';
import { combine, decryptProve, decryptVerify, ONE_CIPHERTEXT } from './proofs.ts';
import type { Ballot, Ciphertext, ElectionResult, EncryptedTally, Owned, PartialDecryption, TrusteeKind } from './types.ts';

function powCiphertext(ops: GroupOps, c: Ciphertext, w: bigint): Ciphertext {
  return w === 1n ? c : { alpha: ops.pow(c.alpha, w), beta: ops.pow(c.beta, w) };
}

/** B̂ = last(B): the last ballot of each credential, in order of that last ballot (§4.15). */
export function lastBallots<T extends { credential: bigint }>(ballots: readonly T[]): T[] {
  const last = new Map<bigint, T>();
  for (const b of ballots) {
    last.delete(b.credential);
    last.set(b.credential, b);
  }
  return [...last.values()];
}

/** C_ij = ∏_k choices(answers(b_k)_i)_j ^ weight(b_k) over the tallied ballots (§4.16). */
export function encryptedTally(e: Election, ballots: readonly { ballot: Ballot; weight: bigint }[]): { tally: EncryptedTally; numTallied: number; totalWeight: bigint } {
  const { ops } = e;
  const tally = e.params.questions.map((q) => Array.from({ length: questionLength(q) }, () => ONE_CIPHERTEXT));
  let totalWeight = 0n;
  for (const { ballot, weight } of ballots) {
    totalWeight += weight;
    ballot.answers.forEach((a, i) => {
      const row = tally[i]!;
      a.choices.forEach((c, j) => {
        row[j] = combine(ops, row[j]!, powCiphertext(ops, c, weight));
      });
    });
  }
  return { tally, numTallied: ballots.length, totalWeight };
}

/** A trustee's partial decryption of the tally with its private key (simple or threshold share). */
export function partialDecrypt(e: Election, tally: EncryptedTally, x: bigint): PartialDecryption {
  const { ops } = e;
  return {
    decryption_factors: tally.map((q) => q.map((c) => ops.pow(c.alpha, x))),
    decryption_proofs: tally.map((q) => q.map((c) => decryptProve(ops, e.fingerprint, x, c.alpha))),
  };
}

/** Checks a partial decryption against the trustee's verification key X (§4.18); null when valid. */
export function checkPartialDecryption(e: Election, tally: EncryptedTally, X: bigint, pd: PartialDecryption): string | null {
  if (pd.decryption_factors.length !== tally.length || pd.decryption_proofs.length !== tally.length) return 'shape does not match the tally';
  for (let i = 0; i < tally.length; i++) {
    const q = tally[i]!;
    const f = pd.decryption_factors[i]!;
    const p = pd.decryption_proofs[i]!;
    if (f.length !== q.length || p.length !== q.length) return 'shape does not match the tally';
    for (let j = 0; j < q.length; j++) {
      if (!decryptVerify(e.ops, e.fingerprint, X, q[j]!.alpha, f[j]!, p[j]!)) return `decryption proof for question ${i + 1}, answer ${j + 1} is invalid`;
    }
  }
  return null;
}

/** λ_j over the 1-based indexes I, mod q (§4.18). */
export function lagrange(indexes: readonly number[], j: number, q: bigint): bigint {
  let acc = 1n;
  for (const k of indexes) {
    if (k === j) continue;
    acc = mod(acc * BigInt(k) * modInverse(BigInt(k - j), q), q);
  }
  return acc;
}

export type Combination = { ok: true; factors: bigint[][] } | { ok: false; reason: string };

/**
 * Combines owned partial decryptions into the synthetic factors F_ij, exactly
 * as Belenios does: every supplied one must verify, Singles are mandatory,
 * each Pedersen group uses its first `threshold` supplied shares.
 */
export function combineFactors(e: Election, tally: EncryptedTally, trustees: readonly TrusteeKind[], pds: readonly { owner: number; pd: PartialDecryption }[], verify = true): Combination {
  const { ops } = e;
  const byOwner = new Map<number, PartialDecryption>();
  for (const { owner, pd } of pds) byOwner.set(owner, pd);
  const neutral = () => tally.map((q) => q.map(() => 1n));
  let acc = neutral();
  const mulInto = (a: bigint[][], b: bigint[][]) => a.map((q, i) => q.map((x, j) => ops.mul(x, b[i]![j]!)));
  let owner = 1;
  for (const [ti, t] of trustees.entries()) {
    if (t.kind === 'Single') {
      const pd = byOwner.get(owner);
      if (!pd) return { ok: false, reason: `missing partial decryption of trustee ${owner}` };
      const bad = verify ? checkPartialDecryption(e, tally, t.key.public_key, pd) : null;
      if (bad) return { ok: false, reason: `partial decryption of trustee ${owner}: ${bad}` };
      acc = mulInto(acc, pd.decryption_factors);
      owner++;
      continue;
    }
    const members = t.params.verification_keys;
    const supplied: { index: number; pd: PartialDecryption }[] = [];
    for (let m = 0; m < members.length; m++) {
      const pd = byOwner.get(owner + m);
      if (!pd) continue;
      const bad = verify ? checkPartialDecryption(e, tally, members[m]!.public_key, pd) : null;
      if (bad) return { ok: false, reason: `partial decryption of trustee ${owner + m}: ${bad}` };
      supplied.push({ index: m + 1, pd });
    }
    if (supplied.length < t.params.threshold) return { ok: false, reason: `trustee group ${ti + 1}: ${supplied.length} partial decryptions, ${t.params.threshold} needed` };
    const used = supplied.slice(0, t.params.threshold);
    const indexes = used.map((u) => u.index);
    let sub = neutral();
    for (const u of used) {
      const l = lagrange(indexes, u.index, ops.q);
      sub = sub.map((q, i) => q.map((x, j) => ops.mul(x, ops.pow(u.pd.decryption_factors[i]![j]!, l))));
    }
    acc = mulInto(acc, sub);
    owner += members.length;
  }
  return { ok: true, factors: acc };
}

/** log_g(x) for 0 ≤ log ≤ max by baby-step giant-step; null when out of range. */
export function discreteLog(ops: GroupOps, x: bigint, max: bigint): bigint | null {
  const m = BigInt(Math.ceil(Math.sqrt(Number(max) + 1)));
  const baby = new Map<bigint, bigint>();
  let cur = 1n;
  for (let j = 0n; j < m; j++) {
    if (!baby.has(cur)) baby.set(cur, j);
    cur = ops.mul(cur, ops.g);
  }
  const giant = ops.inv(ops.gPow(m));
  let gamma = x;
  for (let i = 0n; i <= m; i++) {
    const j = baby.get(gamma);
    if (j !== undefined) {
      const r = i * m + j;
      return r <= max ? r : null;
    }
    gamma = ops.mul(gamma, giant);
  }
  return null;
}

/** The result (§4.19) from the tally and the combined factors; the total weight bounds each count. */
export function computeResult(e: Election, tally: EncryptedTally, factors: bigint[][], totalWeight: bigint): ElectionResult {
  return tally.map((q, i) =>
    q.map((c, j) => {
      const r = discreteLog(e.ops, e.ops.div(c.beta, factors[i]![j]!), totalWeight);
      if (r === null) throw new Error(`cannot compute the result of question ${i + 1}, answer ${j + 1}`);
      return r;
    }),
  );
}

/** Checks a published result: g^result = beta / F for every cell (Belenios' check_result). */
export function checkResult(e: Election, tally: EncryptedTally, factors: bigint[][], result: ElectionResult): boolean {
  if (result.length !== tally.length) return false;
  return tally.every((q, i) => result[i]!.length === q.length && q.every((c, j) => e.ops.div(c.beta, factors[i]![j]!) === e.ops.gPow(result[i]![j]!)));
}

export type { Owned };
