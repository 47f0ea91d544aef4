import type { Widen } from '../../i18n/types.ts';

/** `m.setup` (Japanese, the source). */
export const setupJa = {
  title: '初期設定',
  checking: 'リンクを確認しています…',
  intro: '組合の名前と、最初の管理者(あなた)のアカウントを作ります。',
  unionName: '組合名',
  employeeNumber: '社員番号',
  name: '氏名',
  password: 'パスワード',
  passwordHint: '8文字以上にしてください。',
  submit: 'セットアップする',
  submitting: '送信中…',
  doneTitle: 'セットアップが完了しました',
  doneBody: '管理者としてログインしました。',
  goHome: 'ホームへ進む',
  retry: 'もう一度試す',
  required: '入力してください。',
  state: {
    used: 'このリンクはすでに使われています。',
    expired: 'このリンクは有効期限が切れています。サーバーを再起動すると新しいリンクが表示されます。',
    invalid: 'このリンクは正しくありません。サーバーに表示されたリンクをそのまま開いてください。',
    done: 'この組合はすでにセットアップされています。ログインしてください。',
  },
} as const;

export const setupEn: Widen<typeof setupJa> = {
  title: 'First-time setup',
  checking: 'Checking the link…',
  intro: "Name your union and create the first administrator's account (yours).",
  unionName: 'Union name',
  employeeNumber: 'Employee number',
  name: 'Name',
  password: 'Password',
  passwordHint: 'Use 8 characters or more.',
  submit: 'Set up',
  submitting: 'Sending…',
  doneTitle: 'Setup complete',
  doneBody: 'You are now signed in as the administrator.',
  goHome: 'Go to home',
  retry: 'Try again',
  required: 'Please fill this in.',
  state: {
    used: 'This link has already been used.',
    expired: 'This link has expired. Restart the server to get a new one.',
    invalid: 'This link is not valid. Open the link shown by the server exactly as it is.',
    done: 'This union is already set up. Please sign in.',
  },
};

declare module '../../i18n/types.ts' {
  interface FeatureMessages { setup: Widen<typeof setupJa> }
}
