import { useId } from 'react';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { fieldInputId, scaleSteps } from './answers.ts';
import { FieldShell, type FieldControlProps } from './FieldShell.tsx';


/** A scale as a row of numbered radio buttons (wrapping on narrow screens), with what its ends mean. */
export function ScaleField({ field, value, onChange, lang, error, disabled }: FieldControlProps) {
  const { m } = useI18n();
  const name = useId();
  const base = fieldInputId(field.id);
  const steps = scaleSteps(field);
  const ends = `${format(m.forms.scaleLow, { n: steps[0] ?? 1 })} / ${format(m.forms.scaleHigh, { n: steps.at(-1) ?? 5 })}`;
  return (
    <FieldShell field={field} lang={lang} error={error} group extraHint={ends}>
      {() => (
        <div className="segments scale-row">
          {steps.map((step, index) => (
            <label key={step} className="segment" data-testid={`form-option-${field.id}-${step}`}>
              <input id={index === 0 ? base : `${base}-${index}`} type="radio" name={name} checked={value === step} disabled={disabled} aria-invalid={error ? true : undefined} onChange={() => onChange(step)} />
              <span>{step}</span>
            </label>
          ))}
        </div>
      )}
    </FieldShell>
  );
}
