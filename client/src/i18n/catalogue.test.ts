import { errorCodes } from '@kumiai/shared';
import { describe, expect, it } from 'vitest';
import { featureModules } from '../features/index.ts';
import { joinCatalogues } from './catalogue.ts';
import { format } from './format.ts';
import { detectLang } from './lang.ts';

/** The whole catalogue, as main.tsx installs it: the core plus every feature module's messages. */
const { ja, en } = joinCatalogues(featureModules.map((m) => m.messages));

/** Every leaf as `path.to.key` → value, so key sets can be compared at runtime too. */
function flatten(tree: object, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object') {
      for (const [k, v] of flatten(value as object, path)) out.set(k, v);
    } else out.set(path, value);
  }
  return out;
}

describe('i18n catalogue', () => {
  const jaFlat = flatten(ja);
  const enFlat = flatten(en);

  it('has the same keys in ja and en', () => {
    expect([...enFlat.keys()].sort()).toEqual([...jaFlat.keys()].sort());
  });

  it('has no empty or non-string messages', () => {
    for (const [lang, flat] of [['ja', jaFlat], ['en', enFlat]] as const) {
      for (const [key, value] of flat) {
        expect(typeof value, `${lang}:${key}`).toBe('string');
        expect((value as string).trim(), `${lang}:${key}`).not.toBe('');
      }
    }
  });

  it('has a message for every shared error code', () => {
    for (const code of errorCodes) {
      expect(ja.errors[code]).toBeTruthy();
      expect(en.errors[code]).toBeTruthy();
    }
  });

  it('joins every module’s namespaces, and refuses a namespace declared twice', () => {
    expect(ja.forms.title).toBe('アンケート・申請');
    expect(en.import).toBeDefined();
    expect(jaFlat.size).toBeGreaterThan(800);
    const forms = featureModules.find((m) => m.name === 'forms')!;
    expect(() => joinCatalogues([forms.messages, forms.messages])).toThrow(/forms is declared twice/);
    expect(() => joinCatalogues([{ ja: { sync: {} }, en: { sync: {} } } as never])).toThrow(/sync is declared twice/);
    expect(() => joinCatalogues([{ ja: forms.messages.ja, en: {} }])).toThrow(/different namespaces/);
  });

  it('uses the same placeholders in both languages', () => {
    const placeholders = (s: unknown): string[] => [...String(s).matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
    for (const [key, value] of jaFlat) {
      expect(placeholders(enFlat.get(key)), key).toEqual(placeholders(value));
    }
  });
});

describe('format', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format(ja.sync.pending, { n: 3 })).toBe('送信待ち 3件');
    expect(format(en.sync.pending, { n: 0 })).toBe('0 waiting');
    expect(format('{x} {y}', { x: 1 })).toBe('1 {y}');
  });
});

describe('detectLang', () => {
  it('prefers a remembered choice, then the first of ja/en the browser lists, then ja', () => {
    expect(detectLang('en', ['ja'])).toBe('en');
    expect(detectLang(null, ['fr-FR', 'en-US', 'ja'])).toBe('en');
    expect(detectLang(null, ['ja-JP', 'en'])).toBe('ja');
    expect(detectLang('xx', ['de'])).toBe('ja');
    expect(detectLang(null, [])).toBe('ja');
  });
});
