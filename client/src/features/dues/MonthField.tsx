import { useId } from 'react';

/** A month ('YYYY-MM') with the browser's own month picker and a visible label. */
export function MonthField({ label, value, onChange, testId }: { label: string; value: string; onChange: (month: string) => void; testId: string }) {
  const id = useId();
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        type="month"
        className="text-input"
        value={value}
        required
        pattern="[0-9]{4}-[0-9]{2}"
        onChange={(e) => {
          if (/^[0-9]{4}-(0[1-9]|1[0-2])$/.test(e.target.value)) onChange(e.target.value);
        }}
        data-testid={testId}
      />
    </div>
  );
}
