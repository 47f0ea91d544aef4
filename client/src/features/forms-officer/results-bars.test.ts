import type { FieldResult, FormField } from '@kumiai/shared';
import { describe, expect, it } from 'vitest';
import { choiceBars, distributionBars, formatMean, percent, percentText } from './results-bars.ts';

const yesNo = { yes: 'はい', no: 'いいえ' };
const choice: FormField = {
  id: 'q1',
  type: 'multiple_choice',
  label: { ja: '困っていること' },
  options: [
    { id: 'o1', label: { ja: '残業', en: 'Overtime' } },
    { id: 'o2', label: { ja: '賃金' } },
    { id: 'o3', label: { ja: '休暇' } },
  ],
};

describe('percent', () => {
  it('rounds to whole percentages, caps at 100 and never divides by zero', () => {
    expect(percent(1, 3)).toBe(33);
    expect(percent(2, 3)).toBe(67);
    expect(percent(5, 5)).toBe(100);
    expect(percent(3, 0)).toBe(0);
    expect(percent(0, 10)).toBe(0);
    expect(percentText(1, 8)).toBe('13%');
  });
});

describe('choiceBars', () => {
  it('gives every option of the form in order, zero counts included, as shares of those who answered', () => {
    const result: FieldResult = { field: 'q1', type: 'multiple_choice', answered: 4, counts: [{ option: 'o2', count: 3 }, { option: 'o1', count: 4 }] };
    expect(choiceBars(result, choice, 'en', yesNo)).toEqual([
      { key: 'o1', label: 'Overtime', count: 4, pct: 100 },
      { key: 'o2', label: '賃金', count: 3, pct: 75 },
      { key: 'o3', label: '休暇', count: 0, pct: 0 },
    ]);
  });

  it('keeps answers to options only an earlier version had', () => {
    const result: FieldResult = { field: 'q1', type: 'single_choice', answered: 2, counts: [{ option: 'old', count: 1 }, { option: 'o1', count: 1 }] };
    expect(choiceBars(result, choice, 'ja', yesNo).map((b) => [b.key, b.label, b.pct])).toEqual([
      ['o1', '残業', 50],
      ['o2', '賃金', 0],
      ['o3', '休暇', 0],
      ['old', 'old', 50],
    ]);
  });

  it('labels yes/no answers in the member’s language', () => {
    const result: FieldResult = { field: 'q2', type: 'yes_no', answered: 3, counts: [{ option: 'false', count: 1 }, { option: 'true', count: 2 }] };
    expect(choiceBars(result, undefined, 'ja', yesNo)).toEqual([
      { key: 'true', label: 'はい', count: 2, pct: 67 },
      { key: 'false', label: 'いいえ', count: 1, pct: 33 },
    ]);
  });
});

describe('distributionBars', () => {
  it('orders values from low to high with their shares', () => {
    const result: FieldResult = { field: 'q3', type: 'scale', answered: 5, mean: 3.4, distribution: [{ value: 5, count: 2 }, { value: 1, count: 0 }, { value: 3, count: 3 }] };
    expect(distributionBars(result)).toEqual([
      { key: '1', label: '1', count: 0, pct: 0 },
      { key: '3', label: '3', count: 3, pct: 60 },
      { key: '5', label: '5', count: 2, pct: 40 },
    ]);
    expect(formatMean(3.4, 'ja')).toBe('3.4');
    expect(formatMean(10 / 3, 'en')).toBe('3.3');
    expect(formatMean(null, 'en')).toBe('–');
  });
});
