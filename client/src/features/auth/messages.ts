import type { Widen } from '../../i18n/types.ts';

/** `m.auth` (Japanese, the source). */
export const authJa = {
  signInTitle: 'ログイン',
  employeeNumber: '社員番号',
  employeeNumberHint: '全角の数字でもかまいません。',
  password: 'パスワード',
  signIn: 'ログインする',
  signingIn: 'ログイン中…',
  forgotTitle: 'パスワードを忘れたときは',
  forgotBody: '組合の役員に、新しいログインカードを発行してもらってください。カードの QR コードから、新しいパスワードを決められます。',
} as const;

export const authEn: Widen<typeof authJa> = {
  signInTitle: 'Sign in',
  employeeNumber: 'Employee number',
  employeeNumberHint: 'Full-width digits are fine.',
  password: 'Password',
  signIn: 'Sign in',
  signingIn: 'Signing in…',
  forgotTitle: 'Forgot your password?',
  forgotBody: 'Ask your union officer for a new login card. Its QR code lets you choose a new password.',
};

/** `m.activate` (Japanese, the source). */
export const activateJa = {
  title: 'はじめてのログイン',
  checking: 'コードを確認しています…',
  enterIntro: 'ログインカードに印刷されたコードを入力してください。',
  code: 'ログインカードのコード',
  codeHint: '例: ABCD-EFGH-JKMN-PQRS(ハイフンはなくてもかまいません)',
  next: '次へ',
  greeting: '{name} さん(社員番号 {employeeNumber})、ようこそ。',
  intro: 'これから使うパスワードを決めてください。',
  password: '新しいパスワード',
  passwordHint: '8文字以上にしてください。記号や数字を混ぜる必要はありません。長い言葉の組み合わせがおすすめです。',
  pin: '共用端末用の暗証番号(任意)',
  pinHint: '職場の共用タブレットでログインするときに使う、4〜8桁の数字です。共用端末を使わない人は空欄のままでかまいません。',
  pinInvalid: '暗証番号は4〜8桁の数字にしてください。',
  submit: 'パスワードを決めてログインする',
  entryLink: 'はじめてのログイン(ログインカードをお持ちの方)',
  entryHint: 'ログインカードを受け取ったばかりの方は、ここからカードのコードを入力してパスワードを決めます。',
} as const;

export const activateEn: Widen<typeof activateJa> = {
  title: 'First sign-in',
  checking: 'Checking the code…',
  enterIntro: 'Type the code printed on your login card.',
  code: 'Code from your login card',
  codeHint: 'For example ABCD-EFGH-JKMN-PQRS (the dashes are optional).',
  next: 'Next',
  greeting: 'Welcome, {name} (employee number {employeeNumber}).',
  intro: 'Choose the password you will use from now on.',
  password: 'New password',
  passwordHint: 'At least 8 characters. No need for symbols or digits: a few words strung together work well.',
  pin: 'PIN for shared kiosks (optional)',
  pinHint: '4 to 8 digits, used only to sign in on the shared tablet at your workplace. Leave it empty if you will not use one.',
  pinInvalid: 'The PIN must be 4 to 8 digits.',
  submit: 'Set password and sign in',
  entryLink: 'First sign-in (if you have a login card)',
  entryHint: 'Just received a login card? Start here: type the code from the card and choose your password.',
};

/** `m.forbidden`: a page the member's role does not open (Japanese, the source). */
export const forbiddenJa = {
  title: 'このページを見る権限がありません',
  body: 'このページは、担当の役員だけが使えます。必要なときは組合の役員に相談してください。',
  home: 'ホームに戻る',
} as const;

export const forbiddenEn: Widen<typeof forbiddenJa> = {
  title: 'You do not have permission to see this page',
  body: 'Only the officers in charge can use this page. If you need it, ask your union officer.',
  home: 'Back to home',
};

declare module '../../i18n/types.ts' {
  interface FeatureMessages { auth: Widen<typeof authJa>; activate: Widen<typeof activateJa>; forbidden: Widen<typeof forbiddenJa> }
}
