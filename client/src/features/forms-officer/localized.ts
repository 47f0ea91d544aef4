import type { Lang } from '../../i18n/types.ts';

/** A form's own text in the member's language: English when given, else the Japanese. */
export function localized(text: { ja: string; en?: string } | undefined, lang: Lang): string {
  if (!text) return '';
  return lang === 'en' && text.en ? text.en : text.ja;
}
