import { useI18n } from '../../i18n/use-i18n.ts';
import { RadioGroup } from '../../ui/RadioGroup.tsx';
import { fontScales, setFontScale, useDisplaySettings } from './display.ts';

export function FontSizeControl() {
  const { m } = useI18n();
  const { fontScale } = useDisplaySettings();
  return (
    <RadioGroup
      legend={m.settings.fontSize}
      hint={m.settings.fontSizeHint}
      options={fontScales.map((s) => ({ value: s, label: `${s}%` }))}
      value={fontScale}
      onChange={setFontScale}
      testId="font-size-control"
    />
  );
}
