import type { FormField } from '@kumiai/shared';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { TextField } from '../../ui/TextField.tsx';
import { newOption } from './builder-state.ts';

type Option = NonNullable<FormField['options']>[number];

/** The options of a choice field: Japanese and optional English text each, add and remove. Ids stay as they were. */
export function OptionsEditor({ options, onChange, fieldIndex }: { options: readonly Option[]; onChange: (next: Option[]) => void; fieldIndex: number }) {
  const { m } = useI18n();
  const t = m.formsOfficer;
  const set = (i: number, label: Option['label']) => onChange(options.map((o, j) => (j === i ? { ...o, label } : o)));
  return (
    <fieldset className="check-list stack">
      <legend className="field-label">{t.options}</legend>
      <ol className="builder-list">
        {options.map((option, i) => (
          <li key={option.id} className="builder-option">
            <TextField
              label={format(t.optionJa, { n: i + 1 })}
              value={option.label.ja}
              onValueChange={(ja) => set(i, { ...option.label, ja })}
              maxLength={500}
              data-testid={`field-option-ja-${fieldIndex}-${i}`}
            />
            <TextField
              label={format(t.optionEn, { n: i + 1 })}
              lang="en"
              value={option.label.en ?? ''}
              onValueChange={(en) => set(i, { ...option.label, en })}
              maxLength={500}
              data-testid={`field-option-en-${fieldIndex}-${i}`}
            />
            <button
              type="button"
              className="button button-small"
              onClick={() => onChange(options.filter((_, j) => j !== i))}
              aria-label={format(t.removeOption, { n: i + 1 })}
              data-testid={`field-option-remove-${fieldIndex}-${i}`}
            >
              {t.remove}
            </button>
          </li>
        ))}
      </ol>
      {options.length < 50 ? (
        <button type="button" className="button button-small" onClick={() => onChange([...options, newOption(options)])} data-testid={`field-option-add-${fieldIndex}`}>
          {t.addOption}
        </button>
      ) : null}
    </fieldset>
  );
}
