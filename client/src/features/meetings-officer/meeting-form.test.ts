import type { MeetingInput } from '@kumiai/shared';
import { describe, expect, it } from 'vitest';
import { fractionOf, quorumChoice, quorumFor } from './meeting-form.ts';

const fraction: MeetingInput['quorum'] = { base: 'delegates', proxies: false, threshold: { kind: 'fraction', numerator: 3, denominator: 4, strict: false } };

describe('the quorum in the meeting form', () => {
  it('shows a fraction as a fraction (never as 過半数), so editing a meeting keeps the rule its bylaws set', () => {
    expect(quorumChoice(fraction)).toBe('fraction');
    expect(quorumChoice(null)).toBe('none');
    // Changing the count field or proxies elsewhere leaves the fraction as it was.
    expect(quorumFor('fraction', fraction, 1)).toEqual(fraction);
  });

  it('a fraction typed keeps base and proxies, stays a whole number within 1..100, never above 1', () => {
    expect(quorumFor('fraction', fraction, 1, { numerator: 2 })).toEqual({ ...fraction, threshold: { kind: 'fraction', numerator: 2, denominator: 4, strict: false } });
    expect(quorumFor('fraction', fraction, 1, { strict: true })?.threshold).toEqual({ kind: 'fraction', numerator: 3, denominator: 4, strict: true });
    expect(fractionOf({ numerator: 9 }, { numerator: 3, denominator: 4, strict: false })).toEqual({ numerator: 4, denominator: 4, strict: false });
    expect(fractionOf({ denominator: 500 })).toEqual({ numerator: 3, denominator: 100, strict: false });
    expect(fractionOf({ numerator: Number.NaN, denominator: 0 })).toEqual({ numerator: 1, denominator: 1, strict: false });
  });

  it('choosing a fraction first offers 4分の3以上; another choice keeps base and proxies', () => {
    const majority: MeetingInput['quorum'] = { base: 'invited', proxies: true, threshold: { kind: 'majority' } };
    expect(quorumFor('fraction', majority, 1)).toEqual({ base: 'invited', proxies: true, threshold: { kind: 'fraction', numerator: 3, denominator: 4, strict: false } });
    expect(quorumFor('two_thirds', fraction, 1)).toEqual({ base: 'delegates', proxies: false, threshold: { kind: 'two_thirds' } });
    expect(quorumFor('count', fraction, 30)).toEqual({ base: 'delegates', proxies: false, threshold: { kind: 'count', atLeast: 30 } });
  });
});
