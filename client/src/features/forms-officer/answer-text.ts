import type { Answer, FormField } from '@kumiai/shared';
import type { Lang } from '../../i18n/types.ts';
import { localized } from './localized.ts';

export type FileAnswer = { hash: string; name: string; type: string; size: number }[];

/** Whether an answer is a list of attached files (shown as links, not text). */
export function isFileAnswer(field: FormField, value: Answer): value is FileAnswer {
  return field.type === 'file' && Array.isArray(value) && value.every((v) => typeof v === 'object' && v !== null);
}

/** An answer in words for the officer: option labels for choices, yes/no in their language; null when not answered. */
export function answerText(field: FormField, value: Answer | null | undefined, lang: Lang, yesNo: { yes: string; no: string }): string | null {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return null;
  const option = (id: string) => localized(field.options?.find((o) => o.id === id)?.label, lang) || id;
  if (typeof value === 'boolean') return value ? yesNo.yes : yesNo.no;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return field.type === 'single_choice' ? option(value) : value;
  return value.map((v) => (typeof v === 'string' ? option(v) : v.name)).join(lang === 'ja' ? '、' : ', ');
}
