import { localized, type FormField } from '@kumiai/shared';
import { validateAnswers } from '@kumiai/shared';
import { describe, expect, it } from 'vitest';
import { formsEn, formsJa } from './messages.ts';
import { answersToSend, draftProblems, numberAnswer, problemsByField, scaleSteps, toggleChoice, withAnswer } from './answers.ts';
import { problemText } from './problem-text.ts';

const fields: FormField[] = [
  { id: 'kind', type: 'single_choice', label: { ja: '種類', en: 'Kind' }, required: true, options: [{ id: 'birth', label: { ja: '出産' } }, { id: 'marriage', label: { ja: '結婚' } }] },
  { id: 'child', type: 'short_text', label: { ja: '子の名前' }, required: true, showIf: { field: 'kind', equals: 'birth' } },
  { id: 'tags', type: 'multiple_choice', label: { ja: 'タグ' }, max: 2, options: [{ id: 'a', label: { ja: 'A' } }, { id: 'b', label: { ja: 'B' } }, { id: 'c', label: { ja: 'C' } }] },
  { id: 'score', type: 'scale', label: { ja: '満足度' }, min: 0, max: 3 },
  { id: 'count', type: 'number', label: { ja: '人数' }, min: 1 },
];

describe('answer editing', () => {
  it('shows English only when the member reads English and the form has it', () => {
    expect(localized({ ja: '種類', en: 'Kind' }, 'en')).toBe('Kind');
    expect(localized({ ja: '種類', en: ' ' }, 'en')).toBe('種類');
    expect(localized({ ja: '種類' }, 'en')).toBe('種類');
    expect(localized({ ja: '種類', en: 'Kind' }, 'ja')).toBe('種類');
    expect(localized(undefined, 'ja')).toBe('');
  });

  it('removes a field whose answer is emptied instead of keeping ""', () => {
    const a = withAnswer({}, 'child', 'Taro');
    expect(a).toEqual({ child: 'Taro' });
    expect(withAnswer(a, 'child', '')).toEqual({});
    expect(withAnswer({ tags: ['a'] }, 'tags', [])).toEqual({});
  });

  it('toggles options of a multiple choice in the form’s order', () => {
    const tags = fields[2]!;
    expect(toggleChoice(tags, undefined, 'c', true)).toEqual(['c']);
    expect(toggleChoice(tags, ['c'], 'a', true)).toEqual(['a', 'c']);
    expect(toggleChoice(tags, ['a', 'c'], 'a', false)).toEqual(['c']);
  });

  it('reads numbers typed with full-width digits or a decimal comma, and keeps text that is not a number so validation names it', () => {
    expect(numberAnswer('')).toBeNull();
    expect(numberAnswer('３')).toBe(3);
    expect(numberAnswer('2,5')).toBe(2.5);
    expect(numberAnswer('abc')).toBe('abc');
    expect(validateAnswers(fields, { kind: 'marriage', count: numberAnswer('abc') })).toEqual([{ field: 'count', code: 'bad_number' }]);
  });

  it('sends only the answers of fields shown now', () => {
    const answers = { kind: 'marriage', child: 'Taro', tags: [] };
    expect(answersToSend(fields, answers)).toEqual({ kind: 'marriage' });
    expect(validateAnswers(fields, answersToSend(fields, answers))).toEqual([]);
    expect(validateAnswers(fields, answers)).toEqual([{ field: 'child', code: 'hidden_field_answered' }]);
  });

  it('lists scale steps and lets a draft leave required fields empty', () => {
    expect(scaleSteps(fields[3]!)).toEqual([0, 1, 2, 3]);
    expect(scaleSteps({ id: 's', type: 'scale', label: { ja: 's' } })).toEqual([1, 2, 3, 4, 5]);
    const problems = validateAnswers(fields, { kind: 'birth', tags: ['a', 'b', 'c'] });
    expect(problems.map((p) => p.code)).toEqual(['required', 'too_many']);
    expect(draftProblems(problems)).toEqual([{ field: 'tags', code: 'too_many' }]);
    expect(problemsByField(problems).get('child')).toBe('required');
  });

  it('explains problems with the field’s own limits in both languages', () => {
    expect(problemText(fields[2], 'too_many', formsJa)).toBe('2個までにしてください。');
    expect(problemText(fields[3], 'out_of_range', formsEn)).toBe('Enter a value from 0 to 3.');
    expect(problemText(fields[4], 'out_of_range', formsEn)).toBe('Enter 1 or more.');
    expect(problemText(fields[1], 'too_long', formsEn)).toBe('Use at most 200 characters.');
    expect(problemText(fields[0], 'required', formsJa)).toBe('回答してください。');
  });
});
