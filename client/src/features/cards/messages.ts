import type { Widen } from '../../i18n/types.ts';

/** `m.cards` (Japanese, the source). */
export const cardsJa = {
  title: 'ログインカードの印刷',
  intro: 'まだログインしていない人が最初から選ばれています。カードを配ると、各自が QR コードからパスワードを決めてログインできます。',
  chosen: '選んだ人: {n}人',
  onceWarning: 'コードは発行したときに一度だけ表示されます。発行したらすぐに印刷してください。以前のコードは使えなくなります。',
  issue: '{n}人分のカードを発行する',
  printNow: 'カードを発行しました。コードは今しか表示されません。すぐに印刷してください。',
  print: '印刷する',
  again: '別の人のカードを発行する',
  employeeNumber: '社員番号',
  qrAlt: 'ログイン用 QR コード',
  instructions: 'スマートフォンで QR コードを読み取るか、{url} を開いて「はじめてのログイン」にコードを入力し、パスワードを決めてください。有効期限: {date}',
} as const;

export const cardsEn: Widen<typeof cardsJa> = {
  title: 'Print login cards',
  intro: 'Everyone who has not signed in yet is chosen. With the card, each member scans the QR code and chooses a password.',
  chosen: 'Chosen: {n}',
  onceWarning: 'Codes are shown only once, when issued: print them right away. Earlier codes stop working.',
  issue: 'Issue cards for {n}',
  printNow: 'Cards issued. The codes are shown only now: print them right away.',
  print: 'Print',
  again: 'Issue cards for others',
  employeeNumber: 'Employee no.',
  qrAlt: 'QR code to sign in',
  instructions: 'Scan the QR code with your phone, or open {url}, choose "First sign-in", type the code and choose a password. Valid until {date}.',
};

declare module '../../i18n/types.ts' {
  interface FeatureMessages { cards: Widen<typeof cardsJa> }
}
