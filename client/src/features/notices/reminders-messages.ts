import type { Widen } from '../../i18n/types.ts';

/** `m.reminders`: reminding the unread, the printed list, and the member's home card (Japanese, the source). */
export const remindersJa = {
  remind: '未読の人にリマインドを送る',
  remindHint: '通知をオンにしている人にはすぐに通知が届きます。全員に、次にアプリを開いたときホームに表示されます。',
  noneUnread: '未読の人はいません。リマインドは送りませんでした。',
  pushed: '{n}人に通知を送りました。',
  withoutPush: '{pushed}人に通知を送りました。{n}人は通知をオンにしていないため届きません。',
  inApp: '未読の{n}人全員に、次にアプリを開いたときホームにリマインドが表示されます。',
  printHint: '職場で直接声をかけるときは、未読の人の一覧を印刷できます。',
  printLink: '未読の人の一覧(印刷用)',
  listTitle: '未読の人の一覧',
  listIntro: '「{title}」をまだ読んでいない人です(対象 {total}人のうち {unread}人)。職場ごとに分けています。',
  listEmpty: '未読の人はいません。',
  print: '印刷する',
  back: '既読の状況に戻る',
  nameColumn: '氏名',
  numberColumn: '社員番号',
  countInUnit: '{n}人',
  cardTitle: 'まだ読んでいないお知らせ',
  cardIntro: '組合から、読むようにお願いが届いています。',
  remindedAt: 'リマインド: {date}',
} as const;

export const remindersEn: Widen<typeof remindersJa> = {
  remind: 'Remind those who have not read',
  remindHint: 'Members with notifications on are notified at once. Everyone sees it on their home the next time they open the app.',
  noneUnread: 'Everyone has read it. No reminder was sent.',
  pushed: 'Sent a notification to {n} members.',
  withoutPush: 'Sent a notification to {pushed} members. {n} members have not turned notifications on, so it does not reach them.',
  inApp: 'All {n} unread members will see the reminder on their home the next time they open the app.',
  printHint: 'To speak to people at work, you can print the list of those who have not read it.',
  printLink: 'List of members who have not read it (for printing)',
  listTitle: 'Members who have not read it',
  listIntro: 'They have not read "{title}" yet ({unread} of {total} members). Grouped by workplace.',
  listEmpty: 'Everyone has read it.',
  print: 'Print',
  back: 'Back to who has read it',
  nameColumn: 'Name',
  numberColumn: 'Employee number',
  countInUnit: '{n} members',
  cardTitle: 'Notices you have not read yet',
  cardIntro: 'The union asks you to read these.',
  remindedAt: 'Reminded: {date}',
};

declare module '../../i18n/types.ts' {
  interface FeatureMessages { reminders: Widen<typeof remindersJa> }
}
