import { joinCatalogues, type MessagesPart } from './catalogue.ts';
import { languages, type Lang, type Messages } from './types.ts';
import { createExternalStore } from '../lib/external-store.ts';
import { readStored, writeStored } from '../lib/storage.ts';

const STORAGE_KEY = 'kumiai.lang';

/** The core only until main.tsx installs the feature modules' messages (before the first render). */
let catalogues = joinCatalogues([]);

/** Joins every feature module's messages to the core catalogue; the app calls it once, before rendering (main.tsx). */
export function installMessages(parts: readonly MessagesPart[]): void {
  catalogues = joinCatalogues(parts);
}

function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/**
 * A remembered choice wins; otherwise the first of ja/en the browser lists
 * (`en-US` counts as en); otherwise Japanese.
 */
export function detectLang(stored: string | null, preferred: readonly string[]): Lang {
  if (isLang(stored)) return stored;
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLang(base)) return base;
  }
  return 'ja';
}

function initialLang(): Lang {
  const preferred = typeof navigator === 'undefined' ? [] : navigator.languages;
  return detectLang(readStored(STORAGE_KEY), preferred);
}

const store = createExternalStore<Lang>(initialLang());

function applyToDocument(lang: Lang): void {
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}

/** Called once in main.tsx before the first render so `<html lang>` is right from the start. */
export function applyInitialLang(): void {
  applyToDocument(store.getSnapshot());
}

export function setLang(lang: Lang): void {
  writeStored(STORAGE_KEY, lang);
  applyToDocument(lang);
  store.set(lang);
}

export function getLang(): Lang {
  return store.getSnapshot();
}

export function messagesFor(lang: Lang): Messages {
  return catalogues[lang];
}

export const langStore = store;
