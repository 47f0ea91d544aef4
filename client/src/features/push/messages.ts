import type { Widen } from '../../i18n/types.ts';

/** `m.push` (Japanese, the source). */
export const pushJa = {
  title: 'お知らせの通知',
  toggle: '通知を受け取る',
  hint: '新しいお知らせと、まだ読んでいないお知らせの確認を、この端末に通知します。',
  checking: '通知の設定を確認しています…',
  on: '通知はオンです（この端末）。',
  off: '通知はオフです。',
  blocked: 'ブラウザーの設定で、このサイトの通知がブロックされています。サイトの設定で通知を許可すると、ここでオンにできます。',
  unsupported: 'この端末またはブラウザーでは通知を受け取れません（アプリを https で開いていないときなど）。',
  kiosk: '共用の端末（キオスク）では通知を受け取れません。自分のスマートフォンで設定してください。',
  failed: '通知を登録できませんでした。電波の届く場所でもう一度試してください。',
} as const;

export const pushEn: Widen<typeof pushJa> = {
  title: 'Notice notifications',
  toggle: 'Get notifications',
  hint: 'New notices, and reminders about notices you have not read, are shown as notifications on this device.',
  checking: 'Checking the notification settings…',
  on: 'Notifications are on (this device).',
  off: 'Notifications are off.',
  blocked: 'Your browser blocks notifications from this site. Allow them in the site settings, then turn them on here.',
  unsupported: 'This device or browser cannot receive notifications (for example, when the app is not opened over https).',
  kiosk: 'Notifications are not available on a shared kiosk. Turn them on on your own phone.',
  failed: 'Notifications could not be turned on. Try again where you have a signal.',
};

declare module '../../i18n/types.ts' {
  interface FeatureMessages { push: Widen<typeof pushJa> }
}
