/**
 * The two finite-field groups of Belenios 2.0 (specification §5) and the
 * arithmetic on them, on native BigInt.
 *
 * Constant time: BigInt multiplication and `%` are not constant-time in any JS
 * engine, and neither is any of our exponentiations (exp.ts): the 4-bit
 * window, the fixed-base tables for g and the election key (which secret
 * exponents use too: ballot randomness, credentials, trustee keys; which
 * entries are read and which zero digits are skipped depend on the exponent)
 * and Yao's method. The faster methods did not change this: it was never
 * constant-time. Secret exponents can therefore leak through timing to code
 * that runs on the same device and measures it precisely. Ballots are made on
 * the voter's own device and partial decryptions on the trustee's, so the
 * exposure is local; we document it rather than pretend otherwise.
 */

import { FixedBase, jacobi, mod, modPow, VarBase } from './exp.ts';

export { FixedBase, jacobi, mod, modPow, VarBase } from './exp.ts';

export type GroupName = 'BELENIOS-2048' | 'RFC-3526-2048';

export interface Group {
  readonly name: GroupName;
  readonly p: bigint;
  readonly q: bigint;
  readonly g: bigint;
}

const BELENIOS_2048: Group = {
  name: 'BELENIOS-2048',
  p: BigInt(
    '20694785691422546401013643657505008064922989295751104097100884787057374219242717401922237254497684338129066633138078958404960054389636289796393038773905722803605973749427671376777618898589872735865049081167099310535867780980030790491654063777173764198678527273474476341835600035698305193144284561701911000786737307333564123971732897913240474578834468260652327974647951137672658693582180046317922073668860052627186363386088796882120769432366149491002923444346373222145884100586421050242120365433561201320481118852408731077014151666200162313177169372189248078507711827842317498073276598828825169183103125680162072880719',
  ),
  g: BigInt(
    '2402352677501852209227687703532399932712287657378364916510075318787663274146353219320285676155269678799694668298749389095083896573425601900601068477164491735474137283104610458681314511781646755400527402889846139864532661215055797097162016168270312886432456663834863635782106154918419982534315189740658186868651151358576410138882215396016043228843603930989333662772848406593138406010231675095763777982665103606822406635076697764025346253773085133173495194248967754052573659049492477631475991575198775177711481490920456600205478127054728238140972518639858334115700568353695553423781475582491896050296680037745308460627',
  ),
  q: BigInt('78571733251071885079927659812671450121821421258408794611510081919805623223441'),
};

const RFC_3526_2048: Group = {
  name: 'RFC-3526-2048',
  p: BigInt(
    '32317006071311007300338913926423828248817941241140239112842009751400741706634354222619689417363569347117901737909704191754605873209195028853758986185622153212175412514901774520270235796078236248884246189477587641105928646099411723245426622522193230540919037680524235519125679715870117001058055877651038861847280257976054903569732561526167081339361799541336476559160368317896729073178384589680639671900977202194168647225871031411336429319536193471636533209717077448227988588565369208645296636077250268955505928362751121174096972998068410554359584866583291642136218231078990999448652468262416972035911852507045361090559',
  ),
  g: 2n,
  q: BigInt(
    '16158503035655503650169456963211914124408970620570119556421004875700370853317177111309844708681784673558950868954852095877302936604597514426879493092811076606087706257450887260135117898039118124442123094738793820552964323049705861622713311261096615270459518840262117759562839857935058500529027938825519430923640128988027451784866280763083540669680899770668238279580184158948364536589192294840319835950488601097084323612935515705668214659768096735818266604858538724113994294282684604322648318038625134477752964181375560587048486499034205277179792433291645821068109115539495499724326234131208486017955926253522680545279',
  ),
};

export const GROUPS: Readonly<Record<GroupName, Group>> = { 'BELENIOS-2048': BELENIOS_2048, 'RFC-3526-2048': RFC_3526_2048 };

export function groupByName(name: string): Group {
  if (name === 'BELENIOS-2048' || name === 'RFC-3526-2048') return GROUPS[name];
  throw new Error(`unknown group: ${name}`);
}

/** Modular inverse by the extended Euclidean algorithm (m prime, x ≠ 0 mod m). */
export function modInverse(x: bigint, m: bigint): bigint {
  let [a, b] = [mod(x, m), m];
  let [u, v] = [1n, 0n];
  while (b !== 0n) {
    const t = a / b;
    [a, b] = [b, a - t * b];
    [u, v] = [v, u - t * v];
  }
  if (a !== 1n) throw new RangeError('not invertible');
  return mod(u, m);
}

/** Bases with a fixed-base table, besides g (one per election key in use; the oldest is dropped beyond this). */
const MAX_FIXED_TABLES = 8;
/** g^-k is cached for 0 ≤ k < this (the d vectors of the proofs, §4.12). */
const NEG_CACHE = 64;

/** A group with its fixed-base table for g; `pow`, `mul`, `div`, `check`. */
export class GroupOps {
  readonly p: bigint;
  readonly q: bigint;
  readonly g: bigint;
  /** p = 2q + 1: the order-q subgroup is the quadratic residues, decided by the Jacobi symbol. */
  readonly safePrime: boolean;
  readonly qBits: number;
  private readonly gTable: FixedBase;
  private readonly tables = new Map<bigint, FixedBase>();
  private readonly inGroup = new Map<bigint, boolean>();
  private readonly gNegCache: bigint[] = [];
  constructor(readonly group: Group) {
    this.p = group.p;
    this.q = group.q;
    this.g = group.g;
    this.safePrime = group.p === 2n * group.q + 1n;
    this.qBits = group.q.toString(2).length;
    this.gTable = new FixedBase(group.g, group.p, this.qBits);
  }
  /** g^e */
  gPow(e: bigint): bigint {
    return this.gTable.pow(e);
  }
  /** g^-k for a small k ≥ 0 (cached), exactly the inverse of g^k. */
  gNegPow(k: number): bigint {
    if (!Number.isInteger(k) || k < 0) throw new RangeError('gNegPow: k must be a non-negative integer');
    if (k >= NEG_CACHE) return modInverse(this.gPow(BigInt(k)), this.p);
    const c = this.gNegCache;
    if (c.length === 0) c.push(1n, modInverse(this.g, this.p));
    while (c.length <= k) c.push((c[c.length - 1]! * c[1]!) % this.p);
    return c[k]!;
  }
  pow(b: bigint, e: bigint): bigint {
    if (b === this.g) return this.gTable.pow(e);
    const t = this.tables.get(b);
    return t ? t.pow(e) : modPow(b, e, this.p);
  }
  /** Precompute a table for a base used many times (the election key). */
  fix(b: bigint): void {
    if (b === this.g || this.tables.has(b)) return;
    if (this.tables.size >= MAX_FIXED_TABLES) this.tables.delete(this.tables.keys().next().value!);
    this.tables.set(b, new FixedBase(b, this.p, this.qBits));
  }
  hasTable(b: bigint): boolean {
    return this.tables.has(b);
  }
  /** b^e with e reduced mod q: equal to b^e for every integer e when b is in the group (the prover's rewrites). */
  powModQ(b: bigint, e: bigint): bigint {
    return this.pow(b, mod(e, this.q));
  }
  /** Whether b is in the order-q subgroup, memoised for the few fixed bases (the election key). */
  isMember(b: bigint): boolean {
    let r = this.inGroup.get(b);
    if (r === undefined) {
      r = this.check(b);
      if (this.inGroup.size >= MAX_FIXED_TABLES) this.inGroup.delete(this.inGroup.keys().next().value!);
      this.inGroup.set(b, r);
    }
    return r;
  }
  mul(a: bigint, b: bigint): bigint {
    return (a * b) % this.p;
  }
  div(a: bigint, b: bigint): bigint {
    return (a * modInverse(b, this.p)) % this.p;
  }
  inv(a: bigint): bigint {
    return modInverse(a, this.p);
  }
  /** Membership in the order-q subgroup (the spec's G.check): x^q = 1, or (x/p) = 1 when p = 2q + 1. */
  check(x: bigint): boolean {
    if (x <= 0n || x >= this.p) return false;
    return this.safePrime ? jacobi(x, this.p) === 1 : modPow(x, this.q, this.p) === 1n;
  }
  inZq(x: bigint): boolean {
    return x >= 0n && x < this.q;
  }
  /** A memo of variable bases for one verification (a ballot): each base's squarings are done once. */
  powers(): Powers {
    return new Powers(this);
  }
}

/**
 * Exponentiations within one verification: g and fixed bases use their
 * tables; any other base gets a VarBase on first use, shared by its later
 * exponents (a ciphertext's x^q and its challenges).
 */
export class Powers {
  private readonly vars = new Map<bigint, VarBase>();
  constructor(readonly ops: GroupOps) {}
  pow(b: bigint, e: bigint): bigint {
    const { ops } = this;
    if (b === ops.g || ops.hasTable(b)) return ops.pow(b, e);
    let v = this.vars.get(b);
    if (!v) {
      v = new VarBase(b, ops.p, ops.qBits);
      this.vars.set(b, v);
    }
    return v.pow(e);
  }
  /** G.check, sharing x's squarings with its other exponents. */
  check(x: bigint): boolean {
    const { ops } = this;
    if (x <= 0n || x >= ops.p) return false;
    return ops.safePrime ? jacobi(x, ops.p) === 1 : this.pow(x, ops.q) === 1n;
  }
}

const opsCache = new Map<GroupName, GroupOps>();
export function groupOps(name: GroupName): GroupOps {
  let ops = opsCache.get(name);
  if (!ops) {
    ops = new GroupOps(GROUPS[name]);
    opsCache.set(name, ops);
  }
  return ops;
}
