import { useI18n } from '../../i18n/use-i18n.ts';
import type { Lang } from '../../i18n/types.ts';
import { RadioGroup, type RadioOption } from '../../ui/RadioGroup.tsx';

// Each language is named in itself, so a member can find theirs whatever is shown.
const options: readonly RadioOption<Lang>[] = [
  { value: 'ja', label: '日本語', lang: 'ja' },
  { value: 'en', label: 'English', lang: 'en' },
];

export function LanguageSetting() {
  const { m, lang, setLang } = useI18n();
  return <RadioGroup legend={m.settings.language} options={options} value={lang} onChange={setLang} testId="language-setting" />;
}
