import { useSyncExternalStore } from 'react';
import { langStore, messagesFor, setLang } from './lang.ts';
import type { Lang, Messages } from './types.ts';

export interface I18n {
  lang: Lang;
  m: Messages;
  setLang: (lang: Lang) => void;
}

/** The member's language and its catalogue; re-renders when the language changes. */
export function useI18n(): I18n {
  const lang = useSyncExternalStore(langStore.subscribe, langStore.getSnapshot, langStore.getSnapshot);
  return { lang, m: messagesFor(lang), setLang };
}
