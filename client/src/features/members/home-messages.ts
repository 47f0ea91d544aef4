import type { Widen } from '../../i18n/types.ts';

/** `m.membersHome` (Japanese, the source): the roster problems on the officer home. */
export const membersHomeJa = {
  title: '名簿',
  notActivated: '{n}人がまだログインしていません。',
  notActivatedMore: '{n}人以上がまだログインしていません。',
  notActivatedHint: 'ログインカードを印刷して渡すと、はじめてのログインができます。',
  printCards: 'ログインカードを印刷する',
  allActivated: '在籍中の組合員は全員ログインしています。',
  loadFailed: '名簿を読み込めませんでした。電波の届く場所でもう一度開いてください。',
} as const;

export const membersHomeEn: Widen<typeof membersHomeJa> = {
  title: 'Roster',
  notActivated: '{n} members have not signed in yet.',
  notActivatedMore: 'More than {n} members have not signed in yet.',
  notActivatedHint: 'Print their login cards and hand them out: the card lets them sign in for the first time.',
  printCards: 'Print login cards',
  allActivated: 'Every active member has signed in.',
  loadFailed: 'Could not load the roster. Open the page again where there is a signal.',
};

declare module '../../i18n/types.ts' {
  interface FeatureMessages { membersHome: Widen<typeof membersHomeJa> }
}
