import { describe, expect, it } from 'vitest';
import { describedText, noticeText, pickText } from './content-language.ts';

describe('content in the reader’s language', () => {
  const notice = { title: '定期大会', body: '本文', titleEn: 'Annual convention', bodyEn: 'Text' };

  it('gives the English to a reader in English, marked as English, and the Japanese to a reader in Japanese', () => {
    expect(noticeText(notice, 'en')).toEqual({ title: { text: 'Annual convention', lang: 'en' }, body: { text: 'Text', lang: 'en' } });
    expect(noticeText(notice, 'ja')).toEqual({ title: { text: '定期大会', lang: 'ja' }, body: { text: '本文', lang: 'ja' } });
  });

  it('falls back to the Japanese, marked as Japanese, where there is no English (null, missing, blank), field by field', () => {
    expect(noticeText({ ...notice, bodyEn: null }, 'en')).toEqual({ title: { text: 'Annual convention', lang: 'en' }, body: { text: '本文', lang: 'ja' } });
    expect(pickText('規約', undefined, 'en')).toEqual({ text: '規約', lang: 'ja' });
    expect(pickText('規約', '  ', 'en')).toEqual({ text: '規約', lang: 'ja' });
    expect(describedText({ title: '結婚祝金', description: '説明', titleEn: 'Marriage gift', descriptionEn: null }, 'en')).toEqual({
      title: { text: 'Marriage gift', lang: 'en' },
      description: { text: '説明', lang: 'ja' },
    });
  });
});
