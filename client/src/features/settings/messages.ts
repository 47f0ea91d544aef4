import type { Widen } from '../../i18n/types.ts';

/** `m.settings` (Japanese, the source). */
export const settingsJa = {
  title: '表示設定',
  language: '言語',
  fontSize: '文字の大きさ',
  fontSizeHint: '画面全体の文字とボタンが大きくなります。',
  contrast: 'ハイコントラスト',
  contrastHint: '黒い背景に白い文字で、見分けやすくします。',
  saved: '設定はこの端末に保存されます。',
  backHome: 'ホームへ戻る',
} as const;

export const settingsEn: Widen<typeof settingsJa> = {
  title: 'Settings',
  language: 'Language',
  fontSize: 'Text size',
  fontSizeHint: 'Makes all text and buttons larger.',
  contrast: 'High contrast',
  contrastHint: 'White text on a black background, easier to tell apart.',
  saved: 'Settings are saved on this device.',
  backHome: 'Back to home',
};

declare module '../../i18n/types.ts' {
  interface FeatureMessages { settings: Widen<typeof settingsJa> }
}
