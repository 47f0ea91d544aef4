import type { Widen } from '../../i18n/types.ts';

/** `m.search` (Japanese, the source). */
export const searchJa = {
  title: '検索',
  link: '検索',
  label: '探す言葉',
  hint: 'お知らせ・資料・添付 PDF の中から探します。',
  submit: '検索する',
  searching: '検索中…',
  results: '検索結果',
  none: '「{q}」は見つかりませんでした。',
  count: '{n} 件',
  more: 'さらに表示',
  offline: '電波がないため、この端末にあるお知らせと資料だけを探しました(添付 PDF の中は探せません)。',
  kindNotice: 'お知らせ',
  kindDocument: '資料',
  inFile: '{name} の中',
} as const;

export const searchEn: Widen<typeof searchJa> = {
  title: 'Search',
  link: 'Search',
  label: 'Words to find',
  hint: 'Searches notices, documents and the text inside attached PDFs.',
  submit: 'Search',
  searching: 'Searching…',
  results: 'Results',
  none: 'Nothing found for “{q}”.',
  count: '{n} found',
  more: 'Show more',
  offline: 'No connection: only the notices and documents on this device were searched (not the text inside PDFs).',
  kindNotice: 'Notice',
  kindDocument: 'Document',
  inFile: 'in {name}',
};

declare module '../../i18n/types.ts' {
  interface FeatureMessages { search: Widen<typeof searchJa> }
}
