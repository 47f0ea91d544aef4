import { useState } from 'react';
import { fieldInputId, numberAnswer } from './answers.ts';
import { FieldShell, type FieldControlProps } from './FieldShell.tsx';


/** Short text, long text, number and date: one labelled control each. */
export function TextAnswerField({ field, value, onChange, lang, error, disabled }: FieldControlProps) {
  const id = fieldInputId(field.id);
  // A number box keeps what was typed ("1." on the way to "1.5") while the answer holds the number.
  const [typed, setTyped] = useState<string | null>(null);
  const text = field.type === 'number' && typed !== null ? typed : typeof value === 'string' || typeof value === 'number' ? String(value) : '';
  return (
    <FieldShell field={field} lang={lang} error={error} group={false}>
      {(describedBy) => {
        const common = { id, disabled, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy, 'aria-required': field.required ? true : undefined, 'data-testid': `form-input-${field.id}` } as const;
        if (field.type === 'long_text') {
          return <textarea {...common} className="text-input form-textarea" rows={5} maxLength={field.maxLength ?? 4000} value={text} onChange={(e) => onChange(e.target.value)} />;
        }
        if (field.type === 'number') {
          return (
            <input
              {...common}
              className="text-input form-number"
              type="text"
              inputMode="decimal"
              autoComplete="off"
              value={text}
              onChange={(e) => {
                setTyped(e.target.value);
                onChange(numberAnswer(e.target.value));
              }}
            />
          );
        }
        if (field.type === 'date') {
          return <input {...common} className="text-input form-date" type="date" value={text} onChange={(e) => onChange(e.target.value)} />;
        }
        return <input {...common} className="text-input" type="text" maxLength={field.maxLength ?? 200} value={text} onChange={(e) => onChange(e.target.value)} />;
      }}
    </FieldShell>
  );
}
