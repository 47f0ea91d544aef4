import type { Lang } from '../i18n/types.ts';

/** A date and time in the member's language, e.g. 2026/11/24 08:53. */
export function formatDateTime(ms: number, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'ja' ? 'ja-JP' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(ms));
}
