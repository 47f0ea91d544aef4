import { excerpt, type DocumentDoc, type NoticeDoc } from '@kumiai/shared';
import { describe, expect, it } from 'vitest';
import { searchOnDevice } from './local-search.ts';

const everyone = { all: true, units: [], roles: [], members: [] };
const notice = (id: string, title: string, body: string, status: NoticeDoc['status'] = 'published'): NoticeDoc =>
  ({ id, title, body, status, publishAt: 1, audience: everyone, pinned: false, allowComments: false }) as unknown as NoticeDoc;
const doc = (id: string, kind: 'folder' | 'document', title: string, description = ''): DocumentDoc =>
  ({ id, kind, folderId: kind === 'folder' ? null : 'f', title, description, audience: everyone, keepOffline: false, sort: 0, authorId: null, current: null, versions: [], updatedAt: 2 });

describe('searchOnDevice', () => {
  it('finds two-character Japanese words in titles, bodies and descriptions, titles first', () => {
    const hits = searchOnDevice('賃金', [notice('n1', '春闘', '今年の賃金交渉について'), notice('n2', '賃金の回答', '本文')], [doc('d1', 'document', '規約', '賃金規程の写し')]);
    expect(hits.map((h) => h.id)).toEqual(['n2', 'd1', 'n1']);
    expect(hits.find((h) => h.id === 'n1')?.snippet).toContain('賃金交渉');
  });

  it('normalises full-width letters and case, and skips folders and unpublished notices', () => {
    const hits = searchOnDevice('ｐｄｆ', [notice('n1', 'PDF の配布', ''), notice('n2', 'pdf 下書き', '', 'draft')], [doc('f', 'folder', 'PDF'), doc('d1', 'document', 'Pdf 資料')]);
    expect(hits.map((h) => h.id).sort()).toEqual(['d1', 'n1']);
  });

  it('returns nothing for an empty query, and excerpts around the match', () => {
    expect(searchOnDevice('  ', [notice('n1', 'a', 'b')], [])).toEqual([]);
    expect(excerpt(`${'あ'.repeat(100)}賃金${'い'.repeat(100)}`, '賃金', { before: 5, after: 5 })).toBe('…あああああ賃金いいいいい…');
  });

  it('shows a Markdown body as the words a reader sees, never its marks', () => {
    const body = '# 春闘の回答\n\n**賃金**は[こちら](https://example.jp/x)の表のとおりです。\n\n- 一時金 `2.5` か月\n- <b>手当</b>';
    const [hit] = searchOnDevice('賃金', [notice('n1', '回答', body)], []);
    expect(hit?.snippet).toBe('春闘の回答 賃金はこちらの表のとおりです。 一時金 2.5 か月 手当');
    const [opening] = searchOnDevice('回答', [notice('n2', '回答', '## 見出し\n\n*本文*です')], []);
    expect(opening?.snippet).toBe('見出し 本文です');
  });

  it('finds a notice or document by its English; the hit then shows the English title, and a Japanese match keeps the Japanese', () => {
    const n1 = { ...notice('n1', '賃上げ交渉', '本文'), titleEn: 'Wage talks', bodyEn: 'Bargaining starts on Monday' };
    const d1 = { ...doc('d1', 'document', '組合規約', '2026年版'), titleEn: 'Union bylaws', descriptionEn: null };
    expect(searchOnDevice('bargaining', [n1], []).map((h) => [h.id, h.title, h.snippet])).toEqual([['n1', 'Wage talks', 'Bargaining starts on Monday']]);
    expect(searchOnDevice('BYLAWS', [], [d1]).map((h) => [h.id, h.title])).toEqual([['d1', 'Union bylaws']]);
    expect(searchOnDevice('賃上げ', [n1], []).map((h) => h.title)).toEqual(['賃上げ交渉']);
    expect(searchOnDevice('bargaining', [notice('n2', '賃上げ交渉', '本文')], [])).toEqual([]);
  });
});
