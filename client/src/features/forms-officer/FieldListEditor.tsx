import { fieldTypes, type FieldType, type FormField } from '@kumiai/shared';
import { useId, useState } from 'react';
import { useI18n } from '../../i18n/use-i18n.ts';
import { addField, moveField, removeField, updateField, type BuilderProblems } from './builder-state.ts';
import { FieldEditor } from './FieldEditor.tsx';

interface Props {
  fields: readonly FormField[];
  onChange: (next: FormField[]) => void;
  problems: BuilderProblems['fields'];
}

/** The form's fields in order, each editable, movable and removable, and a way to add one of any of the nine types. */
export function FieldListEditor({ fields, onChange, problems }: Props) {
  const { m } = useI18n();
  const t = m.formsOfficer;
  const typeId = useId();
  const [type, setType] = useState<FieldType>('single_choice');
  const formProblems = problems.filter((p) => p.index < 0);
  return (
    <section className="stack" aria-labelledby="builder-fields-title">
      <h2 id="builder-fields-title">{t.fieldsTitle}</h2>
      {formProblems.map((p) => (
        <p key={p.code} className="field-error" data-testid="builder-fields-problem" data-code={p.code}>
          {t.problems[p.code]}
        </p>
      ))}
      <ol className="builder-list" data-testid="builder-fields">
        {fields.map((field, index) => (
          <li key={field.id}>
            <FieldEditor
              field={field}
              index={index}
              fields={fields}
              problems={problems.filter((p) => p.index === index).map((p) => p.code)}
              onChange={(next) => onChange(updateField(fields, index, next))}
              onMove={(delta) => onChange(moveField(fields, index, delta))}
              onRemove={() => onChange(removeField(fields, index))}
            />
          </li>
        ))}
      </ol>
      {fields.length < 100 ? (
        <div className="stack">
          <div className="field">
            <label className="field-label" htmlFor={typeId}>
              {t.addFieldType}
            </label>
            <select id={typeId} className="text-input" value={type} onChange={(e) => setType(e.target.value as FieldType)} data-testid="builder-add-type">
              {fieldTypes.map((ft) => (
                <option key={ft} value={ft}>
                  {t.fieldTypes[ft]}
                </option>
              ))}
            </select>
          </div>
          <button type="button" className="button" onClick={() => onChange(addField(fields, type))} data-testid="builder-add-field">
            {t.addField}
          </button>
        </div>
      ) : null}
    </section>
  );
}
