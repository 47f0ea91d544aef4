import type { Lang } from '../i18n/types.ts';

/**
 * Dates read the same everywhere in the app: 2026/11/24 (and 2026/11/24 8:53) in Japanese,
 * 24 Nov 2026 (and 24 Nov 2026, 08:53) in English. Every screen formats through these.
 */
const locale = (lang: Lang) => (lang === 'ja' ? 'ja-JP' : 'en-GB');

/** A date and time in the member's language, e.g. 2026/11/24 8:53. */
export function formatDateTime(ms: number, lang: Lang): string {
  return new Intl.DateTimeFormat(locale(lang), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(ms));
}

/** A day in the member's language, e.g. 2026/11/24 (in the device's time zone). */
export function formatDate(ms: number, lang: Lang): string {
  return new Intl.DateTimeFormat(locale(lang), { dateStyle: 'medium' }).format(new Date(ms));
}

/**
 * A calendar day as forms and the roster store it (`2026-11-24`), in the member's language; any
 * other text is returned as it is. The day is never shifted by the device's time zone.
 */
export function formatIsoDay(day: string, lang: Lang): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return day;
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isFinite(ms) ? new Intl.DateTimeFormat(locale(lang), { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(ms)) : day;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A time as an `<input type="datetime-local">` value, in the device's time zone. */
export function toLocalInput(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A datetime-local value as epoch milliseconds; null when empty or not a time. */
export function fromLocalInput(value: string): number | null {
  if (!value) return null;
  const ms = new Date(value).getTime();
  return Number.isFinite(ms) ? ms : null;
}
