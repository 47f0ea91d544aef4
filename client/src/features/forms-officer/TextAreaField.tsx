import { useId } from 'react';

interface Props {
  label: string;
  hint?: string;
  value: string;
  onValueChange: (value: string) => void;
  maxLength: number;
  testId: string;
}

/** A labelled multi-line text box with an optional hint. */
export function TextAreaField({ label, hint, value, onValueChange, maxLength, testId }: Props) {
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
      <textarea id={id} className="text-area" value={value} onChange={(e) => onValueChange(e.target.value)} maxLength={maxLength} aria-describedby={hint ? `${id}-hint` : undefined} data-testid={testId} />
    </div>
  );
}
