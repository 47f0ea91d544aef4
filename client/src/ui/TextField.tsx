import { useId, type InputHTMLAttributes } from 'react';

interface Props extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className' | 'onChange' | 'value'> {
  label: string;
  hint?: string;
  /** Shown under the field and announced with it; also marks the field invalid. */
  error?: string | null;
  /** Id of a message elsewhere on the page (e.g. the form's alert) that concerns this field. */
  describedByExtra?: string | null;
  value: string;
  onValueChange: (value: string) => void;
}

/** A text input with a visible label, an optional hint and error, all tied together for assistive tech. */
export function TextField({ label, hint, error, describedByExtra, value, onValueChange, ...inputProps }: Props) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null, describedByExtra ?? null].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <input
        {...inputProps}
        id={id}
        className="text-input"
        value={value}
        onChange={(e) => onValueChange(e.target.value)}
        aria-invalid={error || describedByExtra ? true : undefined}
        aria-describedby={describedBy || undefined}
      />
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
