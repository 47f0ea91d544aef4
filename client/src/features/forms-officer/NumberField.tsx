import { TextField } from '../../ui/TextField.tsx';

interface Props {
  label: string;
  value: number | undefined;
  onChange: (value: number | undefined) => void;
  testId: string;
  integer?: boolean;
}

/** A labelled number input whose empty value means "not set". */
export function NumberField({ label, value, onChange, testId, integer = false }: Props) {
  return (
    <TextField
      label={label}
      type="number"
      inputMode={integer ? 'numeric' : 'decimal'}
      step={integer ? 1 : 'any'}
      value={value === undefined ? '' : String(value)}
      onValueChange={(text) => {
        const n = Number(text);
        onChange(text.trim() === '' || !Number.isFinite(n) ? undefined : n);
      }}
      data-testid={testId}
    />
  );
}
