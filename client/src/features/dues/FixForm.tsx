import { useState } from 'react';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { TextField } from '../../ui/TextField.tsx';
import type { RowFix } from './checkoff-report.ts';

/** Corrects one reported row in the app (the file is not changed): its employee number, its amount, or both. */
export function FixForm({ line, employeeNumber, onSave, onCancel }: { line: number; employeeNumber?: string; onSave: (fix: RowFix) => void; onCancel: () => void }) {
  const { m } = useI18n();
  const t = m.duesOfficer;
  const [number, setNumber] = useState(employeeNumber ?? '');
  const [amount, setAmount] = useState('');
  return (
    <form
      className="dues-form stack"
      aria-label={format(t.fixTitle, { line })}
      data-testid={`checkoff-fix-form-${line}`}
      onSubmit={(e) => {
        e.preventDefault();
        onSave({ line, employeeNumber: number === employeeNumber ? '' : number, amount });
      }}
    >
      <p className="row-title">{format(t.fixTitle, { line })}</p>
      <p className="field-hint">{t.fixHint}</p>
      <TextField label={t.fixNumber} value={number} onValueChange={setNumber} maxLength={32} autoComplete="off" data-testid="checkoff-fix-number" />
      <TextField label={t.fixAmount} value={amount} onValueChange={setAmount} inputMode="numeric" maxLength={12} autoComplete="off" data-testid="checkoff-fix-amount" />
      <div className="button-row">
        <button type="submit" className="button button-primary" data-testid="checkoff-fix-save">
          {t.fixSave}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t.fixCancel}
        </button>
      </div>
    </form>
  );
}
