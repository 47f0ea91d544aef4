import type { Widen } from '../../i18n/types.ts';

/** `m.kiosk` (Japanese, the source). */
export const kioskJa = {
  registerTitle: '共用端末(キオスク)の登録',
  registerIntro: 'この端末を職場の共用タブレットにします。登録すると、あなたはこの端末からログアウトされ、職場の組合員が社員番号と暗証番号でログインできるようになります。',
  workplace: '職場',
  chooseWorkplace: '職場を選んでください',
  name: '端末の名前',
  nameHint: '例: 休憩室のタブレット',
  register: 'この端末を登録する',
  signInTitle: '共用端末',
  pin: '暗証番号',
  pinHint: 'はじめてのログインで決めた4〜8桁の数字です。',
  sharedNote: 'この端末は共用です。使い終わったら「ログアウト」を押してください。しばらく操作しないと自動でログアウトします。',
  notRegistered: 'この端末は共用端末として登録されていません。役員がログインして登録してください。',
  signOut: 'ログアウト / Sign out',
  signedInAs: '{name} さんがログイン中',
  countdown: 'あと{n}秒で自動ログアウト',
  sending: '変更を送信しています…',
  blockedTitle: '変更をまだ送信できません',
  blockedBody: '送信待ちの変更が{n}件あります。電波が届かないため、組合に送れません。この共用タブレットでは、いまログアウトすると、これらの変更は失われます。このまま離れても、しばらく操作がないと自動でログアウトし、変更は失われます。送るには、電波が戻るまでここで待ってください。',
  stay: 'ログインしたままにする',
  signOutLose: 'ログアウトする(変更は失われます)',
} as const;

export const kioskEn: Widen<typeof kioskJa> = {
  registerTitle: 'Register a shared kiosk',
  registerIntro: 'Turn this device into the shared tablet of a workplace. You will be signed out on it, and the workplace\u2019s members can then sign in with their employee number and PIN.',
  workplace: 'Workplace',
  chooseWorkplace: 'Choose a workplace',
  name: 'Device name',
  nameHint: 'For example: break room tablet',
  register: 'Register this device',
  signInTitle: 'Shared kiosk',
  pin: 'PIN',
  pinHint: 'The 4 to 8 digits you chose at your first sign-in.',
  sharedNote: 'This device is shared. Tap "Sign out" when you are done; it also signs you out after a short idle time.',
  notRegistered: 'This device is not registered as a shared kiosk. An officer can sign in and register it.',
  signOut: 'Sign out / ログアウト',
  signedInAs: '{name} is signed in',
  countdown: 'Signing out in {n} s',
  sending: 'Sending your changes…',
  blockedTitle: 'Your changes cannot be sent yet',
  blockedBody: '{n} changes are waiting to be sent, but there is no connection to the union. On this shared tablet, if you sign out now, they will be lost. If you walk away, the tablet signs you out by itself after a while and they are lost too. To send them, stay here until the connection is back.',
  stay: 'Stay signed in',
  signOutLose: 'Sign out (changes are lost)',
};

declare module '../../i18n/types.ts' {
  interface FeatureMessages { kiosk: Widen<typeof kioskJa> }
}
