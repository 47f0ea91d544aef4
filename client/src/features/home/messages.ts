import type { Widen } from '../../i18n/types.ts';

/** `m.home` (Japanese, the source). */
export const homeJa = {
  title: 'ようこそ',
  lead: '組合からのお知らせ、アンケート、申請などがここに表示されます。',
  offlineNote: '一度開けば、電波の届かない場所でも使えます。',
  settingsLink: '文字の大きさや表示を変える',
  signedInAs: '{name} さん',
  needsYou: 'あなたの対応が必要なこと',
  allDone: 'すべて確認済みです。新しいお知らせも、お願いしている回答や申請もありません。',
} as const;

export const homeEn: Widen<typeof homeJa> = {
  title: 'Welcome',
  lead: "Your union's notices, surveys and applications will appear here.",
  offlineNote: 'Once opened, the app keeps working where there is no signal.',
  settingsLink: 'Change text size and display',
  signedInAs: 'Signed in as {name}',
  needsYou: 'What needs you',
  allDone: 'All done: no new notices, and nothing waits for your answer or application.',
};

declare module '../../i18n/types.ts' {
  interface FeatureMessages { home: Widen<typeof homeJa> }
}
