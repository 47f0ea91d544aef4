import { describe, expect, it } from 'vitest';
import { countQuorum, requiredFor, type Invitee, type Proxy, type QuorumRule, type QuorumThreshold } from './quorum.ts';

/** m1 … mN invited; the first `delegates` of them are delegates (代議員). */
const invited = (n: number, delegates = 0): Invitee[] => Array.from({ length: n }, (_, i) => ({ memberId: `m${i + 1}`, delegate: i < delegates }));
const ids = (...n: number[]) => n.map((i) => `m${i}`);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `m${from + i}`);
const toChair = (from: number): Proxy => ({ from: `m${from}`, to: { chair: true } });
const toMember = (from: number, to: number): Proxy => ({ from: `m${from}`, to: { memberId: `m${to}` } });

const majority: QuorumRule = { base: 'invited', threshold: { kind: 'majority' }, proxies: true };
const twoThirdsDelegates: QuorumRule = { base: 'delegates', threshold: { kind: 'two_thirds' }, proxies: true };

describe('the number a threshold asks for', () => {
  const cases: [QuorumThreshold, number, number][] = [
    [{ kind: 'majority' }, 10, 6], // 過半数 of 10: more than 5
    [{ kind: 'majority' }, 11, 6],
    [{ kind: 'majority' }, 1, 1],
    [{ kind: 'half' }, 10, 5], // 半数以上
    [{ kind: 'half' }, 11, 6],
    [{ kind: 'two_thirds' }, 9, 6], // 3分の2以上 of 9: exactly 6
    [{ kind: 'two_thirds' }, 10, 7], // 6.67 → 7
    [{ kind: 'two_thirds' }, 300, 200],
    [{ kind: 'fraction', numerator: 1, denominator: 3, strict: false }, 30, 10], // 3分の1以上
    [{ kind: 'fraction', numerator: 1, denominator: 3, strict: true }, 30, 11], // 3分の1を超える
    [{ kind: 'fraction', numerator: 3, denominator: 4, strict: false }, 7, 6], // 5.25 → 6
    [{ kind: 'count', atLeast: 5 }, 100, 5],
  ];
  it.each(cases)('%j of %i → %i', (threshold, base, required) => {
    expect(requiredFor(threshold, base)).toBe(required);
  });

  it('refuses a fraction that is not one', () => {
    expect(() => requiredFor({ kind: 'fraction', numerator: 3, denominator: 2, strict: false }, 10)).toThrow(RangeError);
    expect(() => requiredFor({ kind: 'fraction', numerator: 1, denominator: 0, strict: false }, 10)).toThrow(RangeError);
  });
});

describe('quorum with proxies (委任状)', () => {
  const cases: { name: string; rule: QuorumRule; invitees: Invitee[]; present: string[]; proxies: Proxy[]; expected: { base: number; required: number; present: number; proxies: number; met: boolean; short: number } }[] = [
    { name: 'majority of 10, 6 present', rule: majority, invitees: invited(10), present: range(1, 6), proxies: [], expected: { base: 10, required: 6, present: 6, proxies: 0, met: true, short: 0 } },
    { name: 'majority of 10, 5 present: one short', rule: majority, invitees: invited(10), present: range(1, 5), proxies: [], expected: { base: 10, required: 6, present: 5, proxies: 0, met: false, short: 1 } },
    { name: '… a proxy to the chair (議長一任) makes it', rule: majority, invitees: invited(10), present: range(1, 5), proxies: [toChair(9)], expected: { base: 10, required: 6, present: 5, proxies: 1, met: true, short: 0 } },
    { name: '… unless the rule does not count proxies', rule: { ...majority, proxies: false }, invitees: invited(10), present: range(1, 5), proxies: [toChair(9)], expected: { base: 10, required: 6, present: 5, proxies: 0, met: false, short: 1 } },
    { name: 'a proxy to a present attendee counts', rule: majority, invitees: invited(10), present: range(1, 5), proxies: [toMember(8, 2)], expected: { base: 10, required: 6, present: 5, proxies: 1, met: true, short: 0 } },
    { name: 'a proxy to an absent member cannot be exercised', rule: majority, invitees: invited(10), present: range(1, 5), proxies: [toMember(8, 9)], expected: { base: 10, required: 6, present: 5, proxies: 0, met: false, short: 1 } },
    { name: 'a proxy is withdrawn when its giver attends in person (counted once)', rule: majority, invitees: invited(10), present: range(1, 5), proxies: [toChair(5)], expected: { base: 10, required: 6, present: 5, proxies: 0, met: false, short: 1 } },
    { name: 'two proxies from one member count once', rule: majority, invitees: invited(10), present: range(1, 5), proxies: [toChair(8), toMember(8, 1)], expected: { base: 10, required: 6, present: 5, proxies: 1, met: true, short: 0 } },
    { name: 'a proxy from someone not invited does not count', rule: majority, invitees: invited(10), present: range(1, 5), proxies: [{ from: 'outsider', to: { chair: true } }], expected: { base: 10, required: 6, present: 5, proxies: 0, met: false, short: 1 } },
    { name: 'a proxy naming oneself does not count', rule: majority, invitees: invited(10), present: range(1, 5), proxies: [toMember(8, 8)], expected: { base: 10, required: 6, present: 5, proxies: 0, met: false, short: 1 } },
    { name: 'observers (傍聴) present do not count', rule: majority, invitees: invited(10), present: [...range(1, 5), 'observer1', 'observer2'], proxies: [], expected: { base: 10, required: 6, present: 5, proxies: 0, met: false, short: 1 } },
    { name: 'a member checked in from two devices counts once', rule: majority, invitees: invited(10), present: [...range(1, 5), 'm5', 'm5'], proxies: [], expected: { base: 10, required: 6, present: 5, proxies: 0, met: false, short: 1 } },
    { name: 'delegates only: 2/3 of 9 delegates, 5 present + 1 proxy', rule: twoThirdsDelegates, invitees: invited(20, 9), present: range(1, 5), proxies: [toChair(9)], expected: { base: 9, required: 6, present: 5, proxies: 1, met: true, short: 0 } },
    { name: 'delegates only: non-delegates present do not count', rule: twoThirdsDelegates, invitees: invited(20, 9), present: [...range(1, 4), ...range(10, 20)], proxies: [], expected: { base: 9, required: 6, present: 4, proxies: 0, met: false, short: 2 } },
    { name: 'delegates only: a non-delegate’s proxy does not count', rule: twoThirdsDelegates, invitees: invited(20, 9), present: range(1, 5), proxies: [toChair(15)], expected: { base: 9, required: 6, present: 5, proxies: 0, met: false, short: 1 } },
    { name: 'delegates only: a delegate’s proxy to a present non-delegate cannot be exercised', rule: twoThirdsDelegates, invitees: invited(20, 9), present: [...range(1, 5), 'm12'], proxies: [toMember(8, 12)], expected: { base: 9, required: 6, present: 5, proxies: 0, met: false, short: 1 } },
    { name: 'a fixed count (委員5名以上)', rule: { base: 'invited', threshold: { kind: 'count', atLeast: 5 }, proxies: false }, invitees: invited(7), present: ids(1, 2, 3, 4, 7), proxies: [], expected: { base: 7, required: 5, present: 5, proxies: 0, met: true, short: 0 } },
    { name: 'nobody invited: never met', rule: majority, invitees: [], present: [], proxies: [], expected: { base: 0, required: 1, present: 0, proxies: 0, met: false, short: 1 } },
  ];
  it.each(cases)('$name', ({ rule, invitees, present, proxies, expected }) => {
    const count = countQuorum(rule, invitees, present, proxies);
    expect(count).toEqual({ ...expected, counted: expected.present + expected.proxies });
  });
});
