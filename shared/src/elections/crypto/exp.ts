/**
 * Modular exponentiation on native BigInt, four ways, all giving exactly
 * base^exp mod m (unit tests compare each with the plain square-and-multiply
 * on random inputs, `exp.test.ts`):
 *
 * - `modPow`: 4-bit fixed window, for a base used once.
 * - `FixedBase`: a table of base^(d·2^(w·i)) for a base fixed for a whole
 *   election (g, the election key y): ~64 multiplications for a 256-bit
 *   exponent with 4-bit digits, ~32 with 8-bit digits (built once the base has
 *   been used enough to pay for the larger table).
 * - `VarBase`: Yao's method for a base raised to several exponents (a
 *   ciphertext's membership test x^q and its proof challenges): the ~256
 *   squarings are done once, each exponent then costs ~75 multiplications.
 * - `jacobi`: the Jacobi symbol, which decides membership in the order-q
 *   subgroup of a *safe-prime* group (p = 2q+1: the subgroup is the quadratic
 *   residues) far faster than x^q. BELENIOS-2048 is not a safe-prime group
 *   (its q has 256 bits), so it keeps x^q.
 *
 * None of this is constant-time (see group.ts).
 */

/** x mod m in [0, m). */
export function mod(x: bigint, m: bigint): bigint {
  const r = x % m;
  return r < 0n ? r + m : r;
}

const hexDigit = (s: string, i: number): number => {
  const c = s.charCodeAt(i);
  return c <= 57 ? c - 48 : c - 87; // '0'-'9', 'a'-'f' (toString(16) is lower case)
};

/** base^exp mod m, exp ≥ 0, by a 4-bit fixed window. */
export function modPow(base: bigint, exp: bigint, m: bigint): bigint {
  if (exp < 0n) throw new RangeError('negative exponent');
  if (exp === 0n) return 1n % m;
  const b = mod(base, m);
  const table: bigint[] = [1n, b];
  for (let i = 2; i < 16; i++) table.push((table[i - 1]! * b) % m);
  const hex = exp.toString(16);
  let acc = table[hexDigit(hex, 0)]!;
  for (let i = 1; i < hex.length; i++) {
    acc = (acc * acc) % m;
    acc = (acc * acc) % m;
    acc = (acc * acc) % m;
    acc = (acc * acc) % m;
    const d = hexDigit(hex, i);
    if (d !== 0) acc = (acc * table[d]!) % m;
  }
  return acc;
}

/** Uses of a FixedBase after which its 4-bit table is replaced by an 8-bit one (when small enough). */
export const FIXED_BASE_UPGRADE_AFTER = 1024;
/** The 8-bit table has ceil(bits/8)·255 entries: only for exponents up to this size (256-bit q: 2 MiB). */
const WIDE_TABLE_MAX_BITS = 320;

/**
 * Fixed-base exponentiation with a precomputed table of base^(d·2^(w·i)).
 * Starts with w = 4 (cheap to build: a voter's phone makes one ballot); after
 * FIXED_BASE_UPGRADE_AFTER uses (a server or an auditor) builds w = 8 for
 * exponents of at most WIDE_TABLE_MAX_BITS bits, halving the multiplications.
 */
export class FixedBase {
  private rows: bigint[][] = [];
  private w = 4;
  private uses = 0;
  constructor(
    readonly base: bigint,
    private readonly m: bigint,
    private readonly maxBits: number,
  ) {
    this.build(4);
  }
  private build(w: number): void {
    const size = 1 << w;
    const rows: bigint[][] = [];
    let cur = mod(this.base, this.m);
    for (let i = 0; i < Math.ceil(this.maxBits / w); i++) {
      const row: bigint[] = [1n, cur];
      for (let d = 2; d < size; d++) row.push((row[d - 1]! * cur) % this.m);
      rows.push(row);
      cur = (row[size - 1]! * cur) % this.m;
    }
    this.rows = rows;
    this.w = w;
  }
  /** The digit width of the current table (4 or 8). */
  get window(): number {
    return this.w;
  }
  pow(exp: bigint): bigint {
    if (exp < 0n) throw new RangeError('negative exponent');
    if (++this.uses === FIXED_BASE_UPGRADE_AFTER && this.maxBits <= WIDE_TABLE_MAX_BITS) this.build(8);
    const hex = exp.toString(16);
    const n = hex.length;
    const m = this.m;
    let acc: bigint | undefined;
    if (this.w === 8) {
      if (n > 2 * this.rows.length) return modPow(this.base, exp, m);
      for (let i = 0, pos = n - 1; pos >= 0; i++, pos -= 2) {
        const d = hexDigit(hex, pos) + (pos > 0 ? hexDigit(hex, pos - 1) << 4 : 0);
        if (d !== 0) acc = acc === undefined ? this.rows[i]![d]! : (acc * this.rows[i]![d]!) % m;
      }
    } else {
      if (n > this.rows.length) return modPow(this.base, exp, m);
      for (let i = 0; i < n; i++) {
        const d = hexDigit(hex, n - 1 - i);
        if (d !== 0) acc = acc === undefined ? this.rows[i]![d]! : (acc * this.rows[i]![d]!) % m;
      }
    }
    return acc ?? 1n % m;
  }
}

/**
 * A variable base raised to several exponents (Yao's method): the powers
 * base^(16^i) are computed once (one squaring chain), then each exponent
 * multiplies together, for each hex digit value d, the powers whose digit is
 * d, and combines the 15 products as ∏ P_d^d with ~30 more multiplications.
 */
export class VarBase {
  private readonly xs: bigint[];
  constructor(
    readonly base: bigint,
    private readonly m: bigint,
    maxBits: number,
  ) {
    const n = Math.ceil(maxBits / 4);
    const xs = new Array<bigint>(n);
    let cur = mod(base, m);
    xs[0] = cur;
    for (let i = 1; i < n; i++) {
      cur = (cur * cur) % m;
      cur = (cur * cur) % m;
      cur = (cur * cur) % m;
      cur = (cur * cur) % m;
      xs[i] = cur;
    }
    this.xs = xs;
  }
  pow(exp: bigint): bigint {
    if (exp < 0n) throw new RangeError('negative exponent');
    const m = this.m;
    const hex = exp.toString(16);
    const n = hex.length;
    if (n > this.xs.length) return modPow(this.base, exp, m);
    const buckets = new Array<bigint | undefined>(16);
    for (let i = 0; i < n; i++) {
      const d = hexDigit(hex, n - 1 - i);
      if (d === 0) continue;
      const b = buckets[d];
      buckets[d] = b === undefined ? this.xs[i]! : (b * this.xs[i]!) % m;
    }
    // ∏ buckets[d]^d = running products y_d = ∏_{d' ≥ d} buckets[d'], multiplied together.
    let y: bigint | undefined;
    let z: bigint | undefined;
    for (let d = 15; d >= 1; d--) {
      const b = buckets[d];
      if (b !== undefined) y = y === undefined ? b : (y * b) % m;
      if (y !== undefined) z = z === undefined ? y : (z * y) % m;
    }
    return z ?? 1n % m;
  }
}

/** Number of trailing zero bits of a non-zero BigInt. */
function trailingZeros(a: bigint): number {
  let z = 0;
  for (;;) {
    const low = Number(BigInt.asUintN(32, a));
    if (low !== 0) return z + 31 - Math.clz32(low & -low);
    a >>= 32n;
    z += 32;
  }
}

/** The Jacobi symbol (a/n) for odd n > 0: 1, -1 or 0 (binary-and-Euclid algorithm). */
export function jacobi(a: bigint, n: bigint): number {
  if (n <= 0n || (n & 1n) === 0n) throw new RangeError('jacobi: n must be odd and positive');
  a = mod(a, n);
  let t = 1;
  while (a !== 0n) {
    const z = trailingZeros(a);
    if (z > 0) {
      a >>= BigInt(z);
      const r = Number(n & 7n);
      if (z & 1 && (r === 3 || r === 5)) t = -t;
    }
    // quadratic reciprocity, then reduce
    if ((a & 3n) === 3n && (n & 3n) === 3n) t = -t;
    const r = n % a;
    n = a;
    a = r;
  }
  return n === 1n ? t : 0;
}
