/**
 * Ballots (§4.11, §4.14, §4.15): creation on the voter's device, verification
 * by anyone, and the smart ballot tracker.
 */
import { sha256B64 } from './hash.ts';
import { readBallot, writeBallot } from './json.ts';
import { mod, type Powers } from './group.ts';
import { deriveCredentialSecret } from './credentials.ts';
import { blankProve, blankVerify, combine, disjProve, disjVerify, encrypt, ONE_CIPHERTEXT } from './proofs.ts';
import { randomBelow } from './random.ts';
import { hashToZq } from './hash.ts';
import type { Election } from './election.ts';
import { questionLength } from './election.ts';
import type { Answer, Ballot, Ciphertext, Question } from './types.ts';

/** A voter's plaintext: per question, 0/1 per answer, preceded by the blank flag when blank votes are allowed. */
export type Plaintext = number[][];

const stringifyChoices = (cs: readonly Ciphertext[]) => cs.map((c) => `${c.alpha},${c.beta}`).join(',');

/** Checks a plaintext against the questions; returns the first problem or null. */
export function checkPlaintext(questions: readonly Question[], m: Plaintext): string | null {
  if (m.length !== questions.length) return 'one answer per question expected';
  for (const [i, q] of questions.entries()) {
    const a = m[i]!;
    if (a.length !== questionLength(q)) return `question ${i + 1}: ${questionLength(q)} values expected`;
    if (a.some((v) => v !== 0 && v !== 1)) return `question ${i + 1}: values must be 0 or 1`;
    const choices = q.blank ? a.slice(1) : a;
    const sum = choices.reduce((s, v) => s + v, 0);
    if (q.blank && a[0] === 1) {
      if (sum !== 0) return `question ${i + 1}: a blank vote selects nothing`;
    } else if (sum < q.min || sum > q.max) return `question ${i + 1}: between ${q.min} and ${q.max} choices`;
  }
  return null;
}

function createAnswer(e: Election, zkp: string, q: Question, m: readonly number[]): Answer {
  const { ops, publicKey: y } = e;
  const r = m.map(() => randomBelow(ops.q));
  const choices = m.map((v, i) => encrypt(ops, y, r[i]!, BigInt(v)));
  const individual_proofs = m.map((v, i) => disjProve(ops, y, 0, 1, zkp, v, r[i]!, choices[i]!));
  const zkpAll = `${zkp}|${stringifyChoices(choices)}`;
  const start = q.blank ? 1 : 0;
  const sumr = mod(r.slice(start).reduce((s, x) => s + x, 0n), ops.q);
  const summ = m.slice(start).reduce((s, v) => s + v, 0);
  const sumc = choices.slice(start).reduce((a, c) => combine(ops, a, c), ONE_CIPHERTEXT);
  if (q.blank) {
    const { overall, blank } = blankProve(ops, y, zkpAll, { min: q.min, max: q.max, m0: m[0]!, c0: choices[0]!, r0: r[0]!, mS: summ, cS: sumc, rS: sumr });
    return { choices, individual_proofs, overall_proof: overall, blank_proof: blank };
  }
  const overall_proof = disjProve(ops, y, q.min, q.max, zkpAll, summ - q.min, sumr, sumc);
  return { choices, individual_proofs, overall_proof };
}

const sigPrefix = (hash: string) => `sig|${hash}|`;

/** Encrypts and signs a ballot with the voter's secret credential; returns its canonical JSON. */
export function createBallot(e: Election, secretCredential: string, m: Plaintext): string {
  const problem = checkPlaintext(e.params.questions, m);
  if (problem) throw new Error(problem);
  const { ops } = e;
  const sk = deriveCredentialSecret(ops, e.params.uuid, secretCredential);
  const credential = ops.gPow(sk);
  const zkp = `${e.fingerprint}|${credential}`;
  const answers = e.params.questions.map((q, i) => createAnswer(e, zkp, q, m[i]!));
  const unsigned: Ballot = { election_uuid: e.params.uuid, election_hash: e.fingerprint, credential, answers };
  const hash = sha256B64(writeBallot(unsigned));
  const w = randomBelow(ops.q);
  const challenge = hashToZq(sigPrefix(hash), [ops.gPow(w)], ops.q);
  return writeBallot({ ...unsigned, signature: { hash, proof: { challenge, response: mod(w - sk * challenge, ops.q) } } });
}

/** The smart ballot tracker (§4.15): H_JSON of the whole ballot as published. */
export const ballotTracker = (raw: string): string => sha256B64(raw);

export type BallotCheck = { ok: true; ballot: Ballot } | { ok: false; reason: string };

function verifyAnswer(e: Election, zkp: string, q: Question, a: Answer, pw: Powers): string | null {
  const { ops, publicKey: y } = e;
  const n = a.choices.length;
  if (n !== a.individual_proofs.length) return 'individual proofs do not match the choices';
  for (let i = 0; i < n; i++) if (!disjVerify(ops, y, 0, 1, zkp, a.individual_proofs[i]!, a.choices[i]!, false, pw)) return `individual proof ${i + 1} is invalid`;
  const zkpAll = `${zkp}|${stringifyChoices(a.choices)}`;
  if (q.blank && a.blank_proof) {
    if (n !== q.answers.length + 1) return 'wrong number of choices';
    const sumc = a.choices.slice(1).reduce((acc, c) => combine(ops, acc, c), ONE_CIPHERTEXT);
    return blankVerify(ops, y, zkpAll, q.min, q.max, a.choices[0]!, sumc, a.overall_proof, a.blank_proof, pw) ? null : 'blank or overall proof is invalid';
  }
  if (a.blank_proof) return 'blank proof on a question without blank votes';
  if (n !== q.answers.length) return 'wrong number of choices';
  const sumc = a.choices.reduce((acc, c) => combine(ops, acc, c), ONE_CIPHERTEXT);
  return disjVerify(ops, y, q.min, q.max, zkpAll, a.overall_proof, sumc, true, pw) ? null : 'overall proof is invalid';
}

/**
 * Every check a server must make before accepting a ballot (§3.2 step 3d,
 * §3.5.1): canonical form, election, signature, every proof. Credential
 * membership and weight are the caller's (they need the list L); a caller
 * that has checked L's elements may say which credentials are listed
 * (`listed`), whose group membership is then not checked again.
 */
export function verifyBallot(e: Election, raw: string, listed?: (credential: bigint) => boolean): BallotCheck {
  let ballot: Ballot;
  try {
    ballot = readBallot(raw);
  } catch (err) {
    return { ok: false, reason: `ill-formed ballot: ${(err as Error).message}` };
  }
  if (writeBallot(ballot) !== raw) return { ok: false, reason: 'ballot not in canonical form' };
  const { ops } = e;
  if (ballot.election_uuid !== e.params.uuid) return { ok: false, reason: 'ballot is for another election (uuid)' };
  if (ballot.election_hash !== e.fingerprint) return { ok: false, reason: 'ballot is for another election (fingerprint)' };
  if (ballot.answers.length !== e.params.questions.length) return { ok: false, reason: 'wrong number of answers' };
  const sig = ballot.signature;
  if (!sig) return { ok: false, reason: 'ballot is not signed' };
  const { signature: _drop, ...unsigned } = ballot;
  if (sig.hash !== sha256B64(writeBallot(unsigned))) return { ok: false, reason: 'signature hash does not match the ballot' };
  // One memo of bases for the whole ballot: each ciphertext's squarings serve its membership test and every proof that raises it.
  const pw = ops.powers();
  if (!listed?.(ballot.credential) && !pw.check(ballot.credential)) return { ok: false, reason: 'credential is not a group element' };
  const p = sig.proof;
  if (!ops.inZq(p.challenge) || !ops.inZq(p.response)) return { ok: false, reason: 'signature out of range' };
  const A = ops.mul(ops.gPow(p.response), pw.pow(ballot.credential, p.challenge));
  if (hashToZq(sigPrefix(sig.hash), [A], ops.q) !== p.challenge) return { ok: false, reason: 'credential signature is invalid' };
  const zkp = `${e.fingerprint}|${ballot.credential}`;
  for (const [i, q] of e.params.questions.entries()) {
    const problem = verifyAnswer(e, zkp, q, ballot.answers[i]!, pw);
    if (problem) return { ok: false, reason: `answer ${i + 1}: ${problem}` };
  }
  return { ok: true, ballot };
}
