import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBallot, checkPlaintext, verifyBallot } from './ballot.ts';
import { issueCredentials } from './credentials.ts';
import { makeElection, questionLength, type Election } from './election.ts';
import { groupOps } from './group.ts';
import { encrypt } from './proofs.ts';
import { randomBelow } from './random.ts';
import { combineFactors, computeResult, encryptedTally, lastBallots, partialDecrypt } from './tally.ts';
import { combineKeys, generateSingleKey, pedersenStep1, pedersenStep3, pedersenStep4, pedersenStep5, pedersenStep6, recoverDecryptionKey } from './trustees.ts';
import type { Ballot, Question, TrusteeKind } from './types.ts';

const ops = groupOps('BELENIOS-2048');
/** shared/ has no Node or DOM types; the test runner has both. */
const host = globalThis as unknown as { process?: { env: Record<string, string | undefined> }; console: { log(line: string): void } };
const seed = Number(host.process?.env.KUMIAI_PROPERTY_SEED ?? Date.now() % 2 ** 31);
host.console.log(`property test seed: ${seed} (set KUMIAI_PROPERTY_SEED to replay)`);

const questionArb: fc.Arbitrary<Question> = fc
  .record({ n: fc.integer({ min: 1, max: 4 }), blank: fc.boolean(), a: fc.nat(), b: fc.nat() })
  .map(({ n, blank, a, b }) => {
    const [min, max] = [a % (n + 1), b % (n + 1)].sort((x, y) => x - y) as [number, number];
    return { answers: Array.from({ length: n }, (_, i) => `A${i}`), ...(blank ? { blank: true } : {}), min, max, question: 'Q' };
  });

/** A valid plaintext for q from a random source: blank sometimes, else between min and max choices. */
const plaintextFor = (q: Question, r: number[]): number[] => {
  if (q.blank && r[0]! % 5 === 0) return [1, ...q.answers.map(() => 0)];
  const k = q.min + (r[1]! % (q.max - q.min + 1));
  const order = q.answers.map((_, i) => i).sort((x, y) => (r[2 + x]! % 97) - (r[2 + y]! % 97) || x - y);
  const row = q.answers.map((_, i) => (order.indexOf(i) < k ? 1 : 0));
  return q.blank ? [0, ...row] : row;
};

function electionWith(questions: Question[], trustees: TrusteeKind[]): Election {
  return makeElection({ name: 'p', description: '', questions }, 'propertyUuid1234', 'BELENIOS-2048', combineKeys(ops, trustees));
}

/** A ballot with only its ciphertexts (the tally does not read proofs). */
function bareBallot(e: Election, credential: bigint, m: number[][]): Ballot {
  return { election_uuid: e.params.uuid, election_hash: e.fingerprint, credential, answers: m.map((a) => ({ choices: a.map((v) => encrypt(ops, e.publicKey, randomBelow(ops.q), BigInt(v))), individual_proofs: [], overall_proof: [] })) };
}

describe('tally properties (seeded)', () => {
  const single = generateSingleKey(ops);
  const singleTrustees: TrusteeKind[] = [{ kind: 'Single', key: single.publicKey }];

  it('decrypt(weighted encrypted tally of the last ballots) equals the weighted sum of the plaintexts', () => {
    fc.assert(
      fc.property(fc.array(questionArb, { minLength: 1, maxLength: 2 }), fc.array(fc.record({ voter: fc.integer({ min: 0, max: 3 }), weight: fc.integer({ min: 1, max: 5 }), r: fc.array(fc.nat(), { minLength: 8, maxLength: 8 }) }), { minLength: 1, maxLength: 5 }), (questions, votes) => {
        const e = electionWith(questions, singleTrustees);
        const weightOf = new Map<number, bigint>();
        const cast = votes.map((v) => {
          if (!weightOf.has(v.voter)) weightOf.set(v.voter, BigInt(v.weight));
          const m = questions.map((q) => plaintextFor(q, v.r));
          expect(checkPlaintext(questions, m)).toBeNull();
          return { credential: BigInt(v.voter + 2), m, weight: weightOf.get(v.voter)!, ballot: bareBallot(e, BigInt(v.voter + 2), m) };
        });
        const last = lastBallots(cast);
        const expected = questions.map((q, i) => Array.from({ length: questionLength(q) }, (_, j) => last.reduce((s, b) => s + BigInt(b.m[i]![j]!) * b.weight, 0n)));
        const et = encryptedTally(e, last);
        const pd = partialDecrypt(e, et.tally, single.privateKey);
        const combined = combineFactors(e, et.tally, singleTrustees, [{ owner: 1, pd }]);
        expect(combined.ok).toBe(true);
        if (combined.ok) expect(computeResult(e, et.tally, combined.factors, et.totalWeight)).toEqual(expected);
      }),
      { seed, numRuns: 12 },
    );
  });

  describe('with 4 threshold trustees (threshold 2) and a server key', () => {
    let trustees: TrusteeKind[];
    let keys: bigint[];
    beforeAll(() => {
      const s1 = Array.from({ length: 4 }, () => pedersenStep1(ops));
      const certs = s1.map((x) => x.cert);
      const polys = s1.map((x) => pedersenStep3(ops, certs, x.seed, 2));
      const vinputs = pedersenStep4(ops, certs, polys);
      const vouts = s1.map((x, j) => pedersenStep5(ops, certs, x.seed, vinputs[j]!));
      trustees = [{ kind: 'Single', key: single.publicKey }, { kind: 'Pedersen', params: pedersenStep6(ops, certs, polys, vouts) }];
      keys = s1.map((x, j) => recoverDecryptionKey(ops, x.seed, vouts[j]!.private_key));
    });

    it('any 2 or more of the 4 decrypt the same result; fewer than 2, or no server key, cannot', () => {
      const q: Question = { answers: ['a', 'b', 'c'], blank: true, min: 1, max: 2, question: 'Q' };
      const e = electionWith([q], trustees);
      const ballots = [[0, 1, 1, 0], [1, 0, 0, 0], [0, 0, 1, 0]].map((m, i) => ({ ballot: bareBallot(e, BigInt(i + 2), [m]), weight: 1n }));
      const et = encryptedTally(e, ballots);
      const server = { owner: 1, pd: partialDecrypt(e, et.tally, single.privateKey) };
      const shares = keys.map((x, j) => ({ owner: j + 2, pd: partialDecrypt(e, et.tally, x) }));
      fc.assert(
        fc.property(fc.subarray([0, 1, 2, 3]), (present) => {
          const r = combineFactors(e, et.tally, trustees, [server, ...present.map((j) => shares[j]!)]);
          if (present.length < 2) {
            expect(r).toEqual({ ok: false, reason: `trustee group 2: ${present.length} partial decryptions, 2 needed` });
            return;
          }
          expect(r.ok && computeResult(e, et.tally, r.factors, 3n)).toEqual([[1n, 1n, 2n, 0n]]);
        }),
        { seed, numRuns: 10 },
      );
      expect(combineFactors(e, et.tally, trustees, shares)).toEqual({ ok: false, reason: 'missing partial decryption of trustee 1' });
      const forged = { owner: 3, pd: partialDecrypt(e, et.tally, keys[0]!) };
      expect(combineFactors(e, et.tally, trustees, [server, shares[0]!, forged])).toMatchObject({ ok: false, reason: expect.stringMatching(/^partial decryption of trustee 3: decryption proof/) as unknown });
    });
  });

  it('a ballot made for random choices verifies; any wrong plaintext is refused before encryption', () => {
    const questions: Question[] = [
      { answers: ['a', 'b', 'c'], blank: true, min: 1, max: 1, question: 'Q1' },
      { answers: ['x', 'y'], min: 0, max: 2, question: 'Q2' },
    ];
    const e = electionWith(questions, singleTrustees);
    const { issued } = issueCredentials(ops, e.params.uuid, [{ id: 'v' }]);
    const secret = issued[0]!.secret;
    for (const m of [[[0, 0, 1, 0], [1, 1]], [[1, 0, 0, 0], [0, 0]]]) expect(verifyBallot(e, createBallot(e, secret, m))).toMatchObject({ ok: true });
    expect(() => createBallot(e, secret, [[0, 1, 1, 0], [0, 0]])).toThrow('question 1: between 1 and 1 choices');
    expect(() => createBallot(e, secret, [[1, 1, 0, 0], [0, 0]])).toThrow('question 1: a blank vote selects nothing');
    expect(() => createBallot(e, secret, [[0, 2, 0, 0], [0, 0]])).toThrow('values must be 0 or 1');
    expect(() => createBallot(e, 'not-a-credential', [[0, 1, 0, 0], [0, 0]])).toThrow('invalid secret credential');
  });
});
