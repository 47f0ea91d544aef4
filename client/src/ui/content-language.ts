import { inLanguage } from '@kumiai/shared';
import type { Lang } from '../i18n/types.ts';

/** A text of the union's own content as the reader gets it, and the language it is in (for the element's `lang`). */
export interface PickedText {
  text: string;
  lang: Lang;
}

/**
 * A notice's, form's or document's text in the reader's language: its English
 * (`titleEn`, `bodyEn`, `descriptionEn`) when they read English and it has some,
 * else the Japanese. Each text is picked on its own (an English title with only
 * a Japanese body shows both as they are), and says which language it is in, so
 * screen readers pronounce it right (`<h1 lang={picked.lang}>`).
 */
export function pickText(ja: string, en: string | null | undefined, lang: Lang): PickedText {
  const text = inLanguage(ja, en, lang);
  return { text, lang: lang === 'en' && en && en.trim() !== '' ? 'en' : 'ja' };
}

/** The title and body of a notice in the reader's language. */
export function noticeText(notice: { title: string; body: string; titleEn?: string | null; bodyEn?: string | null }, lang: Lang): { title: PickedText; body: PickedText } {
  return { title: pickText(notice.title, notice.titleEn, lang), body: pickText(notice.body, notice.bodyEn, lang) };
}

/** The title and description of a form, folder or document in the reader's language. */
export function describedText(item: { title: string; description: string; titleEn?: string | null; descriptionEn?: string | null }, lang: Lang): { title: PickedText; description: PickedText } {
  return { title: pickText(item.title, item.titleEn, lang), description: pickText(item.description, item.descriptionEn, lang) };
}
