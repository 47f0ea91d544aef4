import type { Widen } from '../../i18n/types.ts';

/** `m.formsOfficerHome` (Japanese, the source): the officer home's approvals and closing surveys. */
export const formsOfficerHomeJa = {
  approvalsTitle: 'あなたの承認を待っている申請',
  approvalsCount: '{n}件',
  approvalsCountMore: '{n}件以上',
  approvalsNone: 'あなたの承認を待っている申請はありません。',
  approvalsOldest: '古いものから表示しています。',
  waitingSince: '{date} から待っています',
  openInbox: '申請の承認へ',
  closingTitle: 'まもなく締め切るアンケート',
  closingNone: '7日以内に締め切るアンケートはありません。',
  closesOn: '締切 {date}',
  responses: '回答 {answered}/{total}人({pct})',
  responsesUnknown: '回答率を読み込めませんでした',
  loadFailed: '読み込めませんでした。電波の届く場所でもう一度開いてください。',
} as const;

export const formsOfficerHomeEn: Widen<typeof formsOfficerHomeJa> = {
  approvalsTitle: 'Applications waiting for your approval',
  approvalsCount: '{n}',
  approvalsCountMore: '{n} or more',
  approvalsNone: 'No application is waiting for your approval.',
  approvalsOldest: 'Oldest first.',
  waitingSince: 'Waiting since {date}',
  openInbox: 'Go to approvals',
  closingTitle: 'Surveys closing soon',
  closingNone: 'No survey closes within 7 days.',
  closesOn: 'Closes {date}',
  responses: '{answered} of {total} answered ({pct})',
  responsesUnknown: 'Could not load the response rate',
  loadFailed: 'Could not load this. Open the page again where there is a signal.',
};

declare module '../../i18n/types.ts' {
  interface FeatureMessages { formsOfficerHome: Widen<typeof formsOfficerHomeJa> }
}
