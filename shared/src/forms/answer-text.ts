import type { Answer, FormField } from './fields.ts';

/** A form's own text (a label, a help text, an option): Japanese always, English when the form gives it. */
export interface LocalizedText {
  ja: string;
  en?: string;
}

/** A form's text in the reader's language: English when they read English and the form has it, else the Japanese. */
export function localized(text: LocalizedText | undefined, lang: 'ja' | 'en'): string {
  if (!text) return '';
  return lang === 'en' && text.en && text.en.trim() !== '' ? text.en : text.ja;
}

/**
 * A notice's, form's or document's own text in the reader's language: the English (`titleEn`,
 * `bodyEn`, …) when they read English and it is there, else the Japanese.
 */
export function inLanguage(ja: string, en: string | null | undefined, lang: 'ja' | 'en'): string {
  return lang === 'en' && en && en.trim() !== '' ? en : ja;
}

/** An optional English text as stored: trimmed; empty means none (null). */
export function englishOrNull(en: string | null | undefined): string | null {
  const text = en?.trim() ?? '';
  return text === '' ? null : text;
}

/** How answers are put into words in the reader's language: yes and no, and a calendar day (`2026-11-24`). */
export interface AnswerWords {
  yes: string;
  no: string;
  day?: (isoDay: string) => string;
}

/**
 * An answer in words, for the member and the officer alike: option labels for choices (an option
 * since removed keeps its id), yes/no in words, a date as the reader's language writes it, files
 * by name; null when not answered.
 */
export function answerText(field: FormField, value: Answer | null | undefined, lang: 'ja' | 'en', words: AnswerWords): string | null {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return null;
  const option = (id: string) => localized(field.options?.find((o) => o.id === id)?.label, lang) || id;
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    if (field.type === 'single_choice') return option(value);
    if (field.type === 'date' && words.day) return words.day(value);
    return value;
  }
  return value.map((v) => (typeof v === 'string' ? option(v) : v.name)).join(lang === 'ja' ? '、' : ', ');
}
