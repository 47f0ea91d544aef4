import { localized } from '@kumiai/shared';
import { useId } from 'react';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { fieldInputId, toggleChoice } from './answers.ts';
import { FieldShell, type FieldControlProps } from './FieldShell.tsx';


/** Single choice (radios), multiple choice (checkboxes, with its maximum) and yes/no (two radios): one large row per option. */
export function ChoiceField({ field, value, onChange, lang, error, disabled }: FieldControlProps) {
  const { m } = useI18n();
  const name = useId();
  const base = fieldInputId(field.id);
  const multiple = field.type === 'multiple_choice';
  const options: { id: string; label: string; value: string | boolean }[] =
    field.type === 'yes_no'
      ? [
          { id: 'yes', label: m.forms.yes, value: true },
          { id: 'no', label: m.forms.no, value: false },
        ]
      : (field.options ?? []).map((o) => ({ id: o.id, label: localized(o.label, lang), value: o.id }));
  const chosen = Array.isArray(value) ? (value as unknown[]) : [];
  const atMax = multiple && field.max !== undefined && chosen.length >= field.max;
  return (
    <FieldShell field={field} lang={lang} error={error} group extraHint={multiple && field.max !== undefined ? format(m.forms.choiceMax, { max: field.max }) : null}>
      {() => (
        <div className="choice-list">
          {options.map((option, index) => {
            const checked = multiple ? chosen.includes(option.value) : value === option.value;
            return (
              <label key={option.id} className="choice-row" data-testid={`form-option-${field.id}-${option.id}`}>
                <input
                  id={index === 0 ? base : `${base}-${index}`}
                  type={multiple ? 'checkbox' : 'radio'}
                  name={name}
                  checked={checked}
                  disabled={disabled || (atMax && !checked)}
                  aria-invalid={error ? true : undefined}
                  onChange={(e) => onChange(multiple ? toggleChoice(field, value, option.id, e.target.checked) : option.value)}
                />
                <span>{option.label}</span>
              </label>
            );
          })}
        </div>
      )}
    </FieldShell>
  );
}
