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
  /** The language of what is typed, when it is not the page's (the English of a notice). */
  lang?: string;
}

/** A multi-line text box with a visible label and an optional hint, tied together for assistive tech (TextField's multi-line twin). */
export function TextAreaField({ label, hint, value, onValueChange, maxLength, testId, className = 'text-area', lang }: Props) {
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
      <textarea id={id} className={className} value={value} onChange={(e) => onValueChange(e.target.value)} maxLength={maxLength} lang={lang} aria-describedby={hint ? `${id}-hint` : undefined} data-testid={testId} />
    </div>
  );
}
