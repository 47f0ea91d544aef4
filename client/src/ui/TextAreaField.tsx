import { useId } from 'react';

interface Props {
  label: string;
  hint?: string;
  value: string;
  onValueChange: (value: string) => void;
  maxLength: number;
  testId: string;
  /** The box's style (its height differs by use); `text-area` by default. */
  className?: string;
}

/** A multi-line text box with a visible label and an optional hint, tied together for assistive tech (TextField's multi-line twin). */
export function TextAreaField({ label, hint, value, onValueChange, maxLength, testId, className = 'text-area' }: Props) {
  const id = useId();
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <textarea id={id} className={className} value={value} onChange={(e) => onValueChange(e.target.value)} maxLength={maxLength} aria-describedby={hint ? `${id}-hint` : undefined} data-testid={testId} />
    </div>
  );
}
