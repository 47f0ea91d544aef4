import type { Widen } from '../../i18n/types.ts';

/** `m.noticesHome` (Japanese, the source): the notices on the home page and the officer's low read rates. */
export const noticesHomeJa = {
  unreadTitle: '新しいお知らせ',
  noUnread: '新しいお知らせはありません。',
  allNotices: 'お知らせをすべて見る',
  lowReadTitle: '読まれていないお知らせ',
  lowReadLead: '直近30日に出したお知らせのうち、既読が半分に届かないものです。',
  lowReadNone: '既読が半分に届かないお知らせはありません。',
  readRate: '既読 {read}/{total}人({pct})',
  readRateLink: '既読率と未読の人を見る',
  loadFailed: '既読率を読み込めませんでした。電波の届く場所でもう一度開いてください。',
} as const;

export const noticesHomeEn: Widen<typeof noticesHomeJa> = {
  unreadTitle: 'New notices',
  noUnread: 'No new notices.',
  allNotices: 'See all notices',
  lowReadTitle: 'Notices few have read',
  lowReadLead: 'Notices of the last 30 days that fewer than half of their readers have opened.',
  lowReadNone: 'Every recent notice has been read by at least half of its readers.',
  readRate: 'Read by {read} of {total} ({pct})',
  readRateLink: 'Read rate and who has not read it',
  loadFailed: 'Could not load the read rates. Open the page again where there is a signal.',
};

declare module '../../i18n/types.ts' {
  interface FeatureMessages { noticesHome: Widen<typeof noticesHomeJa> }
}
