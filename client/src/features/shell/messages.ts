import type { Widen } from '../../i18n/types.ts';

/** `m.shell` (Japanese, the source). */
export const shellJa = {
  settingsLink: '表示設定',
  displaySettings: '文字の大きさ・色・言語',
  languageSwitchLabel: '言語 / Language',
  languageSwitchTo: 'English',
  install: 'アプリをインストール',
  updateAvailable: '新しいバージョンがあります',
  updateReload: '再読み込み',
} as const;

export const shellEn: Widen<typeof shellJa> = {
  settingsLink: 'Settings',
  displaySettings: 'Text size, colours and language',
  languageSwitchLabel: 'Language / 言語',
  languageSwitchTo: '日本語',
  install: 'Install app',
  updateAvailable: 'A new version is available',
  updateReload: 'Reload',
};

/** `m.notFound` (Japanese, the source). */
export const notFoundJa = {
  title: 'ページが見つかりません',
  backHome: 'ホームへ戻る',
} as const;

export const notFoundEn: Widen<typeof notFoundJa> = {
  title: 'Page not found',
  backHome: 'Back to home',
};

declare module '../../i18n/types.ts' {
  interface FeatureMessages { shell: Widen<typeof shellJa>; notFound: Widen<typeof notFoundJa> }
}
