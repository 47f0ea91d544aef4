import { useId } from 'react';
import { useI18n } from '../../i18n/use-i18n.ts';

export type Columns = Record<'employeeNumber' | 'amount' | 'basePay' | 'strikeAmount', string>;
export const autoColumns: Columns = { employeeNumber: '', amount: '', basePay: '', strikeAmount: '' };

/** Which header of the file holds each field ('' = automatic: the remembered mapping or the usual headings). */
export function ColumnMapping({ header, value, strikeFund, onChange }: { header: readonly string[]; value: Columns; strikeFund: boolean; onChange: (next: Columns) => void }) {
  const { m } = useI18n();
  const t = m.duesOfficer;
  const fields = [
    ['employeeNumber', t.colEmployeeNumber],
    ['amount', t.colAmount],
    ['basePay', t.colBasePay],
    ...(strikeFund ? ([['strikeAmount', t.colStrikeAmount]] as const) : []),
  ] as const;
  return (
    <fieldset className="check-list stack">
      <legend className="field-label">{t.columnsTitle}</legend>
      <p className="field-hint">{t.columnsHint}</p>
      {fields.map(([field, label]) => (
        <ColumnSelect key={field} field={field} label={label} header={header} value={value[field]} onChange={(v) => onChange({ ...value, [field]: v })} />
      ))}
    </fieldset>
  );
}

function ColumnSelect({ field, label, header, value, onChange }: { field: string; label: string; header: readonly string[]; value: string; onChange: (v: string) => void }) {
  const { m } = useI18n();
  const id = useId();
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <select id={id} className="text-input" value={value} onChange={(e) => onChange(e.target.value)} data-testid={`checkoff-column-${field}`}>
        <option value="">{m.duesOfficer.columnAuto}</option>
        {header.map((h) => (
          <option key={h} value={h}>
            {h}
          </option>
        ))}
      </select>
    </div>
  );
}
