import type { Widen } from '../../i18n/types.ts';

/** `m.formsHome` (Japanese, the source): what the forms ask of a member, on the home page. */
export const formsHomeJa = {
  title: 'あなたへのお願い',
  none: 'いまお願いしている回答や申請はありません。',
  returned: '差し戻されました',
  unanswered: '未回答',
  dueBy: '締切 {date}',
  applicationOpen: '受付中',
  yourApplication: 'あなたの申請',
} as const;

export const formsHomeEn: Widen<typeof formsHomeJa> = {
  title: 'Asked of you',
  none: 'Nothing is waiting for your answer or application.',
  returned: 'Sent back to you',
  unanswered: 'Not answered',
  dueBy: 'Due {date}',
  applicationOpen: 'Open',
  yourApplication: 'Your application',
};

declare module '../../i18n/types.ts' {
  interface FeatureMessages { formsHome: Widen<typeof formsHomeJa> }
}
