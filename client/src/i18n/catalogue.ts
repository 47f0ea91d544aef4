import { en } from './en.ts';
import { ja } from './ja.ts';
import type { CoreMessages, FeatureMessages, Lang, Messages } from './types.ts';

/** What one feature module declares: some of the features' namespaces, in both languages. */
export interface MessagesPart {
  ja: Partial<FeatureMessages>;
  en: Partial<FeatureMessages>;
}

const core: Readonly<Record<Lang, CoreMessages>> = { ja, en };

/**
 * The whole catalogue of each language: the core plus every feature module's
 * namespaces. A namespace declared twice (or one the core has) is refused, as is
 * a part whose languages name different namespaces. That every namespace of
 * `FeatureMessages` is declared is the type check's (features/index.ts).
 */
export function joinCatalogues(parts: readonly MessagesPart[]): Readonly<Record<Lang, Messages>> {
  const seen = new Set<string>(Object.keys(ja));
  for (const part of parts) {
    const names = Object.keys(part.ja).sort();
    if (names.join() !== Object.keys(part.en).sort().join()) throw new Error(`i18n: ja and en declare different namespaces (${names.join(', ')})`);
    for (const name of names) {
      if (seen.has(name)) throw new Error(`i18n: the namespace ${name} is declared twice`);
      seen.add(name);
    }
  }
  const join = (lang: Lang): Messages => Object.assign({}, core[lang], ...parts.map((p) => p[lang])) as Messages;
  return { ja: join('ja'), en: join('en') };
}
