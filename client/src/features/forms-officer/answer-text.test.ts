import { answerText, type FormField } from '@kumiai/shared';
import { describe, expect, it } from 'vitest';
import { formatIsoDay } from '../../ui/dates.ts';
import { isFileAnswer } from './answer-text.ts';

const yesNo = { yes: 'はい', no: 'いいえ' };
const choice: FormField = { id: 'q1', type: 'multiple_choice', label: { ja: '続柄' }, options: [{ id: 'o1', label: { ja: '配偶者', en: 'Spouse' } }, { id: 'o2', label: { ja: '子' } }] };
const file: FormField = { id: 'q2', type: 'file', label: { ja: '証明書' } };

describe('answerText', () => {
  it('names options by their label in the member’s language, and yes/no in words', () => {
    expect(answerText(choice, ['o1', 'o2'], 'ja', yesNo)).toBe('配偶者、子');
    expect(answerText(choice, ['o1', 'gone'], 'en', yesNo)).toBe('Spouse, gone');
    expect(answerText({ ...choice, type: 'single_choice' }, 'o2', 'en', yesNo)).toBe('子');
    expect(answerText({ id: 'q3', type: 'yes_no', label: { ja: 'x' } }, false, 'ja', yesNo)).toBe('いいえ');
    expect(answerText({ id: 'q4', type: 'number', label: { ja: 'x' } }, 0, 'ja', yesNo)).toBe('0');
  });

  it('says nothing was answered for empty values, and recognises attached files', () => {
    expect(answerText(choice, [], 'ja', yesNo)).toBeNull();
    expect(answerText(choice, null, 'ja', yesNo)).toBeNull();
    expect(answerText({ id: 'q5', type: 'short_text', label: { ja: 'x' } }, '', 'ja', yesNo)).toBeNull();
    const files = [{ hash: 'a'.repeat(64), name: '診断書.pdf', type: 'application/pdf', size: 10 }];
    expect(isFileAnswer(file, files)).toBe(true);
    expect(isFileAnswer(choice, ['o1'])).toBe(false);
  });
});

describe('dates, one format across the app', () => {
  it('writes a date answer as the reader’s language does: 2026/10/05 in Japanese, never shifted a day by the time zone', () => {
    const date: FormField = { id: 'q6', type: 'date', label: { ja: '婚姻日' } };
    expect(answerText(date, '2026-10-05', 'ja', { ...yesNo, day: (d) => formatIsoDay(d, 'ja') })).toBe('2026/10/05');
    expect(answerText(date, '2026-10-05', 'en', { ...yesNo, day: (d) => formatIsoDay(d, 'en') })).toBe('5 Oct 2026');
    expect(formatIsoDay('not a day', 'ja')).toBe('not a day');
  });
});

