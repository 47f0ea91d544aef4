import type { Lang } from '../../i18n/types.ts';

/**
 * Integer yen as each language writes it: 12,345円 in Japanese, ¥12,345 in
 * English. Amounts are whole yen everywhere (the server refuses anything else);
 * a negative figure (a credit) keeps its sign in front.
 */
export function formatYen(amount: number, lang: Lang): string {
  const digits = Math.abs(Math.trunc(amount)).toLocaleString('en-US');
  const sign = amount < 0 ? '-' : '';
  return lang === 'ja' ? `${sign}${digits}円` : `${sign}¥${digits}`;
}

/** A month 'YYYY-MM' as a heading: 2026年4月 / April 2026. */
export function formatMonth(month: string, lang: Lang): string {
  const [y = '', mm = ''] = month.split('-');
  const n = Number(mm);
  if (lang === 'ja') return `${y}年${n}月`;
  return `${new Date(Date.UTC(Number(y), n - 1, 1)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' })} ${y}`;
}

/** This month as 'YYYY-MM' (the device's calendar). */
export function currentMonth(now: Date = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
}
