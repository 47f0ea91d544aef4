import { useId } from 'react';

export interface RadioOption<V extends string | number> {
  value: V;
  label: string;
  /** Language of the label when it differs from the page (e.g. "English" on a Japanese page). */
  lang?: string;
}

interface Props<V extends string | number> {
  legend: string;
  hint?: string;
  options: readonly RadioOption<V>[];
  value: V;
  onChange: (value: V) => void;
  testId: string;
}

/**
 * A labelled radio group drawn as a segmented control. Native radios keep
 * arrow-key navigation and screen-reader semantics for free.
 */
export function RadioGroup<V extends string | number>({ legend, hint, options, value, onChange, testId }: Props<V>) {
  const name = useId();
  const hintId = `${name}-hint`;
  return (
    <fieldset className="radio-group" data-testid={testId} aria-describedby={hint ? hintId : undefined}>
      <legend className="field-label">{legend}</legend>
      {hint ? (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <div className="segments">
        {options.map((option) => (
          <label key={option.value} className="segment" lang={option.lang}>
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={option.value === value}
              onChange={() => onChange(option.value)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
