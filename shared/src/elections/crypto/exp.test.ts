/**
 * Every fast exponentiation against the plain binary square-and-multiply (a
 * reference written here, sharing no code with exp.ts), on seeded random
 * inputs; the Jacobi symbol against Euler's criterion; the groups' membership
 * tests against x^q = 1.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIXED_BASE_UPGRADE_AFTER, FixedBase, jacobi, modPow, VarBase } from './exp.ts';
import { GROUPS, groupOps, GroupOps, type GroupName } from './group.ts';

const host = globalThis as unknown as { process?: { env: Record<string, string | undefined> }; console: { log(line: string): void } };
const seed = Number(host.process?.env.KUMIAI_PROPERTY_SEED ?? Date.now() % 2 ** 31);
host.console.log(`exponentiation property seed: ${seed} (set KUMIAI_PROPERTY_SEED to replay)`);

/** base^exp mod m by right-to-left binary exponentiation, one bit at a time. */
function refPow(base: bigint, exp: bigint, m: bigint): bigint {
  let r = 1n % m;
  let b = ((base % m) + m) % m;
  for (let e = exp; e > 0n; e >>= 1n) {
    if (e & 1n) r = (r * b) % m;
    b = (b * b) % m;
  }
  return r;
}

/** A uniform-ish BigInt below 2^bits from 32-bit words. */
const bigArb = (bits: number) => fc.array(fc.integer({ min: 0, max: 2 ** 32 - 1 }), { minLength: Math.ceil(bits / 32), maxLength: Math.ceil(bits / 32) }).map((ws) => ws.reduce((a, w) => (a << 32n) | BigInt(w), 0n) & ((1n << BigInt(bits)) - 1n));

const B = GROUPS['BELENIOS-2048'];
const R = GROUPS['RFC-3526-2048'];
const elementArb = (p: bigint) => bigArb(2048).map((x) => x % p);
/** Exponents of every shape: 0, 1, small, q-sized, and a few beyond the tables (fallback path). */
const expArb = fc.oneof(fc.constantFrom(0n, 1n, 15n, 16n, 255n, 256n, B.q - 1n, B.q), bigArb(256), bigArb(64), bigArb(300));

describe('exponentiation primitives equal plain square-and-multiply (seeded)', () => {
  it('modPow', () => {
    fc.assert(
      fc.property(elementArb(B.p), expArb, (x, e) => modPow(x, e, B.p) === refPow(x, e, B.p)),
      { seed, numRuns: 40 },
    );
  });

  it('FixedBase, with its 4-bit table and after the upgrade to 8-bit digits', () => {
    const base = refPow(B.g, 123456789n, B.p);
    const fb = new FixedBase(base, B.p, 256);
    expect(fb.window).toBe(4);
    fc.assert(
      fc.property(expArb, (e) => fb.pow(e) === refPow(base, e, B.p)),
      { seed, numRuns: 40 },
    );
    for (let i = 0; fb.window === 4 && i < FIXED_BASE_UPGRADE_AFTER; i++) fb.pow(BigInt(i));
    expect(fb.window).toBe(8);
    fc.assert(
      fc.property(expArb, (e) => fb.pow(e) === refPow(base, e, B.p)),
      { seed: seed + 1, numRuns: 40 },
    );
    // A 2048-bit exponent group never gets the 8-bit table (its size would be 16 MiB), and stays exact.
    const wide = new FixedBase(R.g, R.p, 2048);
    for (let i = 0; i < FIXED_BASE_UPGRADE_AFTER; i++) wide.pow(BigInt(i));
    expect(wide.window).toBe(4);
    fc.assert(
      fc.property(bigArb(2047), (e) => wide.pow(e) === refPow(R.g, e, R.p)),
      { seed, numRuns: 5 },
    );
  });

  it('VarBase: one base, several exponents', () => {
    fc.assert(
      fc.property(elementArb(B.p), fc.array(expArb, { minLength: 1, maxLength: 4 }), (x, es) => {
        const v = new VarBase(x, B.p, 256);
        return es.every((e) => v.pow(e) === refPow(x, e, B.p));
      }),
      { seed, numRuns: 25 },
    );
  });

  it('negative exponents are refused', () => {
    expect(() => modPow(2n, -1n, B.p)).toThrow(RangeError);
    expect(() => new FixedBase(2n, B.p, 256).pow(-1n)).toThrow(RangeError);
    expect(() => new VarBase(2n, B.p, 256).pow(-1n)).toThrow(RangeError);
  });
});

describe('Jacobi symbol and membership tests (seeded)', () => {
  it('jacobi(a, p) is Euler’s criterion a^((p-1)/2) mod p for the RFC-3526 prime and small primes', () => {
    fc.assert(
      fc.property(elementArb(R.p), (a) => {
        const euler = refPow(a, (R.p - 1n) / 2n, R.p);
        return jacobi(a, R.p) === (euler === 0n ? 0 : euler === 1n ? 1 : -1);
      }),
      { seed, numRuns: 40 },
    );
    for (const p of [3n, 5n, 7n, 11n, 13n, 1009n]) {
      for (let a = -3n; a < 2n * p; a++) {
        const euler = refPow(a, (p - 1n) / 2n, p);
        expect(jacobi(a, p)).toBe(euler === 0n ? 0 : euler === 1n ? 1 : -1);
      }
    }
    // A composite modulus: (2/15) = (2/3)(2/5) = (-1)(-1) = 1, (7/15) = (7/3)(7/5) = (1)(-1) = -1, (5/15) = 0.
    expect([jacobi(2n, 15n), jacobi(7n, 15n), jacobi(5n, 15n)]).toEqual([1, -1, 0]);
    expect(() => jacobi(1n, 10n)).toThrow(RangeError);
  });

  for (const name of ['BELENIOS-2048', 'RFC-3526-2048'] as GroupName[]) {
    it(`${name}: check(x) and Powers.check(x) are exactly 0 < x < p and x^q = 1`, () => {
      const ops = groupOps(name);
      const { p, q, g } = ops.group;
      expect(ops.safePrime).toBe(name === 'RFC-3526-2048');
      expect(refPow(g, q, p)).toBe(1n);
      const plain = (x: bigint) => x > 0n && x < p && refPow(x, q, p) === 1n;
      const member = fc.tuple(bigArb(256), fc.boolean()).map(([r, neg]) => (neg ? p - ops.gPow(r) : ops.gPow(r)));
      fc.assert(
        fc.property(fc.oneof(elementArb(p), member, fc.constantFrom(-1n, 0n, 1n, p - 1n, p, p + 1n, g)), (x) => {
          const expected = plain(x);
          return ops.check(x) === expected && ops.powers().check(x) === expected;
        }),
        { seed, numRuns: name === 'RFC-3526-2048' ? 12 : 40 },
      );
    });
  }

  it('gNegPow(k) is the inverse of g^k, cached or not', () => {
    const ops = new GroupOps(B);
    for (const k of [0, 1, 2, 5, 63, 64, 100]) expect((ops.gNegPow(k) * refPow(B.g, BigInt(k), B.p)) % B.p).toBe(1n);
    expect(() => ops.gNegPow(-1)).toThrow(RangeError);
  });
});
