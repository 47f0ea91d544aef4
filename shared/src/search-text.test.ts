import { describe, expect, it } from 'vitest';
import { excerpt, highlightParts, markdownToPlainText, opening } from './search-text.ts';

describe('markdownToPlainText', () => {
  it('keeps the words of headings, emphasis, links, lists, code and images, and none of their marks', () => {
    const md = '# 大会\n\n**日時**: 12月5日 _18時_\n\n> 引用\n\n1. [議案書](https://example.jp/a.pdf)\n2. ![地図](map.png)\n\n```\ncode block\n```\n\n---\n<script>x</script>';
    expect(markdownToPlainText(md)).toBe('大会 日時: 12月5日 18時 引用 議案書 地図 code block');
  });
});

describe('excerpt', () => {
  it('cuts around the first match, compared as search compares (NFKC, case), with … where it is cut', () => {
    expect(excerpt(`${'あ'.repeat(50)}ＰＤＦ資料${'い'.repeat(80)}`, 'pdf', { before: 3, after: 4 })).toBe('…あああPDF資料いい…');
    expect(excerpt('賃金', '手当')).toBe('');
    expect(excerpt('**賃金**の話', '賃金', { markdown: true })).toBe('賃金の話');
  });

  it('opening gives the first words, cut with …', () => {
    expect(opening('## 見出し\n\n本文です', 5, { markdown: true })).toBe('見出し 本…');
  });
});

describe('highlightParts', () => {
  it('marks every occurrence, whatever the case and width of the query, and joins back to the snippet', () => {
    const parts = highlightParts('PDF の配布と pdf の回収', 'ｐｄｆ');
    expect(parts).toEqual([
      { text: 'PDF', match: true },
      { text: ' の配布と ', match: false },
      { text: 'pdf', match: true },
      { text: ' の回収', match: false },
    ]);
    expect(parts.map((p) => p.text).join('')).toBe('PDF の配布と pdf の回収');
    expect(highlightParts('本文', '')).toEqual([{ text: '本文', match: false }]);
  });
});
