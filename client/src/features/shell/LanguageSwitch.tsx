import { useI18n } from '../../i18n/use-i18n.ts';

/** One tap to the other language; the button names it in that language. */
export function LanguageSwitch({ inHeader = false }: { inHeader?: boolean }) {
  const { m, lang, setLang } = useI18n();
  const other = lang === 'ja' ? 'en' : 'ja';
  return (
    <button
      type="button"
      className={inHeader ? 'button header-button' : 'button'}
      lang={other}
      onClick={() => setLang(other)}
      title={m.shell.languageSwitchLabel}
      data-testid="language-switch"
      data-lang={lang}
    >
      {m.shell.languageSwitchTo}
    </button>
  );
}
