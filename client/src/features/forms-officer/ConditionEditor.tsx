import { localized, type FormField } from '@kumiai/shared';
import { useId } from 'react';
import { useI18n } from '../../i18n/use-i18n.ts';
import { conditionSources, conditionValues } from './builder-state.ts';

interface Props {
  fields: readonly FormField[];
  index: number;
  value: FormField['showIf'];
  onChange: (next: FormField['showIf'] | undefined) => void;
}

/** "Show only when <earlier field> is <value>": earlier single-choice, yes/no and scale fields can be named. */
export function ConditionEditor({ fields, index, value, onChange }: Props) {
  const { m, lang } = useI18n();
  const t = m.formsOfficer;
  const fieldId = useId();
  const valueId = useId();
  const sources = conditionSources(fields, index);
  // A condition naming a field that is no longer before this one stays visible, so it can be corrected.
  const current = value ? fields.find((f) => f.id === value.field) : undefined;
  const options = current && !sources.includes(current) ? [...sources, current] : sources;
  if (options.length === 0) return null;
  const source = current;
  const values = source ? conditionValues(source) : [];
  const valueLabel = (v: string | number | boolean): string => {
    if (typeof v === 'boolean') return v ? t.yes : t.no;
    if (typeof v === 'number') return String(v);
    return localized(source?.options?.find((o) => o.id === v)?.label, lang) || v;
  };
  const labelOf = (f: FormField) => `${fields.indexOf(f) + 1}. ${localized(f.label, lang) || m.formsOfficer.fieldTypes[f.type]}`;
  return (
    <fieldset className="check-list stack">
      <legend className="field-label">{t.condition}</legend>
      <div className="field">
        <label className="field-hint" htmlFor={fieldId}>
          {t.conditionField}
        </label>
        <select
          id={fieldId}
          className="text-input"
          value={value?.field ?? ''}
          onChange={(e) => {
            const next = fields.find((f) => f.id === e.target.value);
            const first = next ? conditionValues(next)[0] : undefined;
            onChange(next && first !== undefined ? { field: next.id, equals: first } : undefined);
          }}
          data-testid={`field-condition-field-${index}`}
        >
          <option value="">{t.conditionNone}</option>
          {options.map((f) => (
            <option key={f.id} value={f.id}>
              {labelOf(f)}
            </option>
          ))}
        </select>
      </div>
      {value && source ? (
        <div className="field">
          <label className="field-hint" htmlFor={valueId}>
            {t.conditionValue}
          </label>
          <select
            id={valueId}
            className="text-input"
            value={String(value.equals)}
            onChange={(e) => {
              const equals = values.find((v) => String(v) === e.target.value);
              if (equals !== undefined) onChange({ field: value.field, equals });
            }}
            data-testid={`field-condition-value-${index}`}
          >
            {values.includes(value.equals) ? null : <option value={String(value.equals)}>{String(value.equals)}</option>}
            {values.map((v) => (
              <option key={String(v)} value={String(v)}>
                {valueLabel(v)}
              </option>
            ))}
          </select>
        </div>
      ) : null}
    </fieldset>
  );
}
