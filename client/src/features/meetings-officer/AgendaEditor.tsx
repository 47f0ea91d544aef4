import { useId } from 'react';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { pickText } from '../../ui/content-language.ts';
import { TextAreaField } from '../../ui/TextAreaField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useFetched } from '../../ui/use-fetched.ts';
import { MaterialsEditor } from './MaterialsEditor.tsx';
import type { AgendaItem } from './meeting-form.ts';
import { listCommissionElections } from './officer-api.ts';

interface Props {
  items: readonly AgendaItem[];
  onChange: (next: AgendaItem[]) => void;
  onAdd: () => void;
  onBusy: (busy: boolean) => void;
}

/** The agenda: each item's heading, description, materials, and whether a secret ballot (an election) decides it. */
export function AgendaEditor({ items, onChange, onAdd, onBusy }: Props) {
  const { m, lang } = useI18n();
  const t = m.meetingsOfficer;
  // Officers on the election commission pick from its elections; others type the election's id.
  const elections = useFetched((signal) => listCommissionElections(signal), []);
  const set = (i: number, next: AgendaItem) => onChange(items.map((x, j) => (j === i ? next : x)));
  return (
    <section className="stack" aria-labelledby="agenda-title" data-testid="agenda-editor">
      <h2 id="agenda-title">{t.agenda}</h2>
      {items.map((item, i) => (
        <fieldset key={item.id} className="meeting-item stack" data-testid="agenda-item">
          <legend>{format(t.itemN, { n: i + 1 })}</legend>
          <TextField label={t.itemTitle} value={item.title} onValueChange={(title) => set(i, { ...item, title })} maxLength={200} required data-testid="agenda-item-title" />
          <TextField label={t.itemTitleEn} value={item.titleEn ?? ''} onValueChange={(titleEn) => set(i, { ...item, titleEn })} maxLength={200} lang="en" />
          <TextAreaField label={t.itemDescription} value={item.description ?? ''} onValueChange={(description) => set(i, { ...item, description })} maxLength={4000} testId="agenda-item-description" />
          <label className="check-row">
            <input
              type="checkbox"
              checked={item.electionId !== undefined}
              onChange={(e) => {
                const { electionId: _dropped, ...rest } = item;
                set(i, e.target.checked ? { ...item, electionId: '' } : rest);
              }}
              data-testid="agenda-item-ballot"
            />
            <span>{t.secretBallot}</span>
          </label>
          {item.electionId !== undefined ? (
            elections.state === 'done' ? (
              <ElectionSelect value={item.electionId} onChange={(electionId) => set(i, { ...item, electionId })} options={elections.value.map((e) => ({ id: e.id, title: pickText(e.title, e.titleEn, lang).text }))} />
            ) : (
              <TextField label={t.election} value={item.electionId} onValueChange={(electionId) => set(i, { ...item, electionId: electionId.trim() })} maxLength={64} />
            )
          ) : null}
          <MaterialsEditor value={item.materials} onChange={(materials) => set(i, { ...item, materials })} onBusy={onBusy} index={i} />
          {items.length > 1 ? (
            <p>
              <button type="button" className="button button-small" onClick={() => onChange(items.filter((_, j) => j !== i))}>
                {format(t.removeItem, { n: i + 1 })}
              </button>
            </p>
          ) : null}
        </fieldset>
      ))}
      <p>
        <button type="button" className="button" onClick={onAdd} data-testid="agenda-add">
          {t.addItem}
        </button>
      </p>
    </section>
  );
}

function ElectionSelect({ value, onChange, options }: { value: string; onChange: (id: string) => void; options: { id: string; title: string }[] }) {
  const { m } = useI18n();
  const id = useId();
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {m.meetingsOfficer.election}
      </label>
      <select id={id} className="text-input" value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{m.meetingsOfficer.electionNone}</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.title}
          </option>
        ))}
      </select>
    </div>
  );
}
