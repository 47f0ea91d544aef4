import type { Widen } from '../../i18n/types.ts';

/** `m.credentials`: changing one's own password and kiosk PIN on マイページ (Japanese, the source). */
export const credentialsJa = {
  passwordTitle: 'パスワードを変える',
  currentPassword: 'いまのパスワード',
  newPassword: '新しいパスワード',
  newPasswordHint: '8文字以上にしてください。記号や数字を混ぜる必要はありません。長い言葉の組み合わせがおすすめです。',
  endOthers: '他の端末からもログアウトする',
  endOthersHint: 'この端末はログインしたままです。スマートフォンをなくしたときや、人に知られたかもしれないときは、チェックしたままにしてください。',
  changePassword: 'パスワードを変える',
  passwordChanged: 'パスワードを変えました。',
  endedNone: '他の端末でログインしているものはありませんでした。',
  endedSome: '他の{n}台の端末からログアウトしました。',
  pinTitle: '共用端末用の暗証番号を変える',
  pinIntro: '職場の共用タブレットでログインするときに使う、4〜8桁の数字です。',
  newPin: '新しい暗証番号',
  changePin: '暗証番号を変える',
  pinChanged: '暗証番号を変えました。次に共用端末でログインするときから使えます。',
  pinInvalid: '暗証番号は4〜8桁の数字にしてください。',
  retryIn: '{n}秒ほど待ってから、もう一度試してください。',
} as const;

export const credentialsEn: Widen<typeof credentialsJa> = {
  passwordTitle: 'Change your password',
  currentPassword: 'Current password',
  newPassword: 'New password',
  newPasswordHint: 'At least 8 characters. No need for symbols or digits: a few words strung together work well.',
  endOthers: 'Also sign out on my other devices',
  endOthersHint: 'This device stays signed in. Keep this ticked if you lost your phone or someone may know your password.',
  changePassword: 'Change password',
  passwordChanged: 'Your password has been changed.',
  endedNone: 'No other device was signed in.',
  endedSome: 'Signed out on {n} other devices.',
  pinTitle: 'Change your kiosk PIN',
  pinIntro: '4 to 8 digits, used to sign in on the shared tablet at your workplace.',
  newPin: 'New PIN',
  changePin: 'Change PIN',
  pinChanged: 'Your PIN has been changed. Use it the next time you sign in on a shared tablet.',
  pinInvalid: 'The PIN must be 4 to 8 digits.',
  retryIn: 'Please wait about {n} seconds, then try again.',
};

declare module '../../i18n/types.ts' {
  interface FeatureMessages { credentials: Widen<typeof credentialsJa> }
}
