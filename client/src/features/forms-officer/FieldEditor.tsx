import type { FormField } from '@kumiai/shared';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { TextField } from '../../ui/TextField.tsx';
import type { BuilderProblemCode } from './builder-state.ts';
import { ConditionEditor } from './ConditionEditor.tsx';
import { NumberField } from './NumberField.tsx';
import { OptionsEditor } from './OptionsEditor.tsx';

interface Props {
  field: FormField;
  index: number;
  fields: readonly FormField[];
  problems: readonly BuilderProblemCode[];
  onChange: (next: FormField) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}

/** One field of the form being built: its question in both languages, whether required, its type's settings, a condition, and its place. */
export function FieldEditor({ field, index, fields, problems, onChange, onMove, onRemove }: Props) {
  const { m } = useI18n();
  const t = m.formsOfficer;
  const n = index + 1;
  const problemId = `field-problems-${field.id}`;
  const set = (patch: Partial<FormField>) => onChange({ ...field, ...patch });
  const bound = (key: 'min' | 'max') => (value: number | undefined) => {
    const next = { ...field };
    if (value === undefined) delete next[key];
    else next[key] = value;
    onChange(next);
  };
  const choice = field.type === 'single_choice' || field.type === 'multiple_choice';
  return (
    <fieldset className="builder-field stack" data-invalid={problems.length > 0 || undefined} aria-describedby={problems.length > 0 ? problemId : undefined} data-testid="builder-field" data-field-id={field.id} data-field-type={field.type}>
      <legend>{format(t.fieldLegend, { n, type: t.fieldTypes[field.type] })}</legend>
      {problems.length > 0 ? (
        <ul className="builder-problems field-error" id={problemId}>
          {problems.map((code) => (
            <li key={code} data-testid={`field-problem-${index}`} data-code={code}>
              {t.problems[code]}
            </li>
          ))}
        </ul>
      ) : null}
      <TextField label={t.labelJa} value={field.label.ja} onValueChange={(ja) => set({ label: { ...field.label, ja } })} maxLength={500} data-testid={`field-label-ja-${index}`} />
      <TextField label={t.labelEn} lang="en" value={field.label.en ?? ''} onValueChange={(en) => set({ label: { ...field.label, en } })} maxLength={500} data-testid={`field-label-en-${index}`} />
      <label className="check-row">
        <input type="checkbox" checked={field.required ?? false} onChange={(e) => set({ required: e.target.checked })} data-testid={`field-required-${index}`} />
        <span>{t.required}</span>
      </label>
      {choice ? <OptionsEditor options={field.options ?? []} onChange={(options) => set({ options })} fieldIndex={index} /> : null}
      {field.type === 'scale' ? (
        <>
          <NumberField label={t.scaleMin} value={field.min} onChange={bound('min')} integer testId={`field-min-${index}`} />
          <NumberField label={t.scaleMax} value={field.max} onChange={bound('max')} integer testId={`field-max-${index}`} />
        </>
      ) : null}
      {field.type === 'number' ? (
        <>
          <NumberField label={t.numberMin} value={field.min} onChange={bound('min')} testId={`field-min-${index}`} />
          <NumberField label={t.numberMax} value={field.max} onChange={bound('max')} testId={`field-max-${index}`} />
        </>
      ) : null}
      {field.type === 'multiple_choice' || field.type === 'file' ? (
        <NumberField label={field.type === 'file' ? t.maxFiles : t.maxChoices} value={field.max} onChange={bound('max')} integer testId={`field-max-${index}`} />
      ) : null}
      <ConditionEditor
        fields={fields}
        index={index}
        value={field.showIf}
        onChange={(showIf) => {
          const { showIf: _old, ...rest } = field;
          onChange(showIf ? { ...rest, showIf } : rest);
        }}
      />
      <div className="button-row">
        <button type="button" className="button button-small" onClick={() => onMove(-1)} disabled={index === 0} aria-label={format(t.moveUp, { n })} data-testid={`field-up-${index}`}>
          {t.up}
        </button>
        <button type="button" className="button button-small" onClick={() => onMove(1)} disabled={index === fields.length - 1} aria-label={format(t.moveDown, { n })} data-testid={`field-down-${index}`}>
          {t.down}
        </button>
        <button type="button" className="button button-small" onClick={onRemove} aria-label={format(t.removeField, { n })} data-testid={`field-remove-${index}`}>
          {t.remove}
        </button>
      </div>
    </fieldset>
  );
}
