/**
 * Quorum (定足数) of a meeting (issue 19), as a pure function over who was
 * invited, who is present and the proxies (委任状) received. Integers only.
 *
 * What the bylaws usually say, and what this counts:
 * - The base is everyone invited (構成員), or only the delegates (代議員) for a
 *   convention held by delegates; the present of anyone else (observers,
 *   傍聴) never counts.
 * - The threshold is "more than half" (過半数), "half or more" (半数以上),
 *   "two thirds or more" (3分の2以上), or any fraction, strict or inclusive.
 * - A proxy counts as attendance (委任状出席) when the meeting's rule admits
 *   proxies, its giver is in the base, and it can be exercised: it names the
 *   chair (議長一任), or an attendee who is present and in the base. A giver who
 *   comes in person withdraws their proxy (counted once, as present). Proxies
 *   named in a chain (A to B, B absent and gave their own to C) count only
 *   through a present holder: A's proxy to absent B does not count.
 * - A member checked in twice (two officers' phones offline, a kiosk) counts
 *   once: presence is a set of member ids.
 */

export type QuorumThreshold =
  /** 過半数: more than half of the base. */
  | { kind: 'majority' }
  /** 半数以上: half of the base or more. */
  | { kind: 'half' }
  /** 3分の2以上: two thirds of the base or more. */
  | { kind: 'two_thirds' }
  /** numerator/denominator of the base: strictly more (を超える) or at least (以上). */
  | { kind: 'fraction'; numerator: number; denominator: number; strict: boolean }
  /** A fixed number of people (e.g. 委員 5名以上). */
  | { kind: 'count'; atLeast: number };

export interface QuorumRule {
  /** 'invited' = everyone invited; 'delegates' = only the invited delegates (代議員). */
  base: 'invited' | 'delegates';
  threshold: QuorumThreshold;
  /** Whether proxies count toward the quorum (委任状を出席とみなす). */
  proxies: boolean;
}

export interface Invitee {
  memberId: string;
  delegate?: boolean;
}

export interface Proxy {
  /** Who gave it (cannot attend). */
  from: string;
  /** The chair (議長一任), or a named member. */
  to: { chair: true } | { memberId: string };
}

export interface QuorumCount {
  /** Members of the base. */
  base: number;
  /** The number present + proxies must reach. */
  required: number;
  /** Members of the base present in person. */
  present: number;
  /** Proxies that count (from absent members of the base, exercisable). */
  proxies: number;
  /** present + proxies. */
  counted: number;
  met: boolean;
  /** How many more are needed (0 when met). */
  short: number;
}

/** The number of people the threshold asks for out of `base` (integer arithmetic, no rounding error). */
export function requiredFor(threshold: QuorumThreshold, base: number): number {
  switch (threshold.kind) {
    case 'majority':
      return Math.floor(base / 2) + 1;
    case 'half':
      return Math.ceil(base / 2);
    case 'two_thirds':
      return Math.ceil((2 * base) / 3);
    case 'fraction': {
      const { numerator: n, denominator: d } = threshold;
      if (!Number.isInteger(n) || !Number.isInteger(d) || n < 0 || d <= 0 || n > d) throw new RangeError(`bad fraction ${n}/${d}`);
      // strict: the least k with k·d > base·n; inclusive: the least k with k·d ≥ base·n.
      const product = base * n;
      return threshold.strict ? Math.floor(product / d) + 1 : Math.ceil(product / d);
    }
    case 'count':
      return threshold.atLeast;
  }
}

export function countQuorum(rule: QuorumRule, invitees: readonly Invitee[], presentIds: Iterable<string>, proxies: readonly Proxy[]): QuorumCount {
  const inBase = new Set(invitees.filter((i) => rule.base === 'invited' || i.delegate === true).map((i) => i.memberId));
  const presentSet = new Set(presentIds);
  const present = [...inBase].filter((id) => presentSet.has(id)).length;
  let proxyCount = 0;
  if (rule.proxies) {
    const counted = new Set<string>();
    for (const proxy of proxies) {
      if (!inBase.has(proxy.from) || presentSet.has(proxy.from) || counted.has(proxy.from)) continue;
      const exercisable = 'chair' in proxy.to || (proxy.to.memberId !== proxy.from && presentSet.has(proxy.to.memberId) && inBase.has(proxy.to.memberId));
      if (exercisable) counted.add(proxy.from);
    }
    proxyCount = counted.size;
  }
  const base = inBase.size;
  const required = requiredFor(rule.threshold, base);
  const countedTotal = present + proxyCount;
  return { base, required, present, proxies: proxyCount, counted: countedTotal, met: base > 0 && countedTotal >= required, short: Math.max(0, required - countedTotal) };
}
