import { useId, useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n/use-i18n.ts';
import { RadioGroup } from '../../ui/RadioGroup.tsx';
import type { ImportKind } from './import-api.ts';

interface Props {
  what: ImportKind;
  onWhat: (what: ImportKind) => void;
  busy: boolean;
  onFile: (file: File) => void;
}

export function PickFile({ what, onWhat, busy, onFile }: Props) {
  const { m } = useI18n();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (file && !busy) onFile(file);
  }

  return (
    <form className="stack" onSubmit={onSubmit}>
      <p>{m.import.intro}</p>
      <RadioGroup<ImportKind>
        legend={m.import.what}
        options={[
          { value: 'members', label: m.import.members },
          { value: 'units', label: m.import.units },
        ]}
        value={what}
        onChange={onWhat}
        testId="import-kind"
      />
      <div className="field">
        <label className="field-label" htmlFor={id}>
          {m.import.file}
        </label>
        <p className="field-hint" id={`${id}-hint`}>
          {what === 'members' ? m.import.membersHint : m.import.unitsHint}
        </p>
        <input id={id} type="file" accept=".csv,text/csv" className="file-input" aria-describedby={`${id}-hint`} onChange={(e) => setFile(e.target.files?.[0] ?? null)} data-testid="import-file" />
      </div>
      {what === 'members' ? (
        <div className="stack">
          <p>{m.import.sampleTitle}</p>
          <p className="button-row">
            <a className="button" href="/api/members/import/sample.csv?encoding=shift_jis" download="kumiai-roster-sample.csv">
              {m.import.sampleSjis}
            </a>
            <a className="button" href="/api/members/import/sample.csv?encoding=utf-8" download="kumiai-roster-sample-utf8.csv">
              {m.import.sampleUtf8}
            </a>
          </p>
        </div>
      ) : null}
      <button type="submit" className="button button-primary" disabled={!file || busy} aria-busy={busy} data-testid="import-check">
        {busy ? m.import.checking : m.import.check}
      </button>
    </form>
  );
}
