import { CONSULTATION_LIMITS, type Attachment } from '@kumiai/shared';
import { useId, useState, type ChangeEvent } from 'react';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { sizeText } from '../../ui/files.ts';
import { keepPickedFiles } from '../forms/index.ts';

interface Props {
  memberId: string;
  files: readonly Attachment[];
  onChange: (files: Attachment[]) => void;
  disabled: boolean;
}

/**
 * Photos (made smaller and stripped of their location on the device, as for
 * forms and candidate photos) and PDFs for a case, offline too: kept in the
 * member's outbox until the case is sent.
 */
export function CaseFilesPicker({ memberId, files, onChange, disabled }: Props) {
  const { m } = useI18n();
  const t = m.consultations;
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState(false);
  const max = CONSULTATION_LIMITS.attachments;

  async function add(picked: File[]): Promise<void> {
    setBusy(true);
    setProblem(false);
    let next = [...files];
    try {
      const kept = await keepPickedFiles(memberId, picked, files, max);
      next = kept.files;
      setProblem(kept.problem !== null && kept.problem.code !== 'too_many');
    } finally {
      setBusy(false);
      onChange(next);
    }
  }

  function onPick(event: ChangeEvent<HTMLInputElement>): void {
    const picked = Array.from(event.target.files ?? []);
    event.target.value = '';
    if (picked.length > 0) void add(picked);
  }

  const full = disabled || busy || files.length >= max;
  return (
    <fieldset className="check-list stack" aria-describedby={`${id}-hint`} data-testid="consultation-files">
      <legend className="field-label">{format(t.filesLabel, { max })}</legend>
      <p className="field-hint" id={`${id}-hint`}>
        {t.filesHint}
      </p>
      <div className="consultation-pickers">
        <label className="field-label consultation-picker" htmlFor={`${id}-camera`}>
          <span aria-hidden="true">📷 </span>
          {t.camera}
          <input id={`${id}-camera`} type="file" className="file-input" accept="image/*" capture="environment" onChange={onPick} disabled={full} data-testid="consultation-camera" />
        </label>
        <label className="field-label consultation-picker" htmlFor={`${id}-file`}>
          <span aria-hidden="true">📄 </span>
          {t.pickFile}
          <input id={`${id}-file`} type="file" className="file-input" accept="image/*,application/pdf" multiple onChange={onPick} disabled={full} data-testid="consultation-file" />
        </label>
      </div>
      {busy ? (
        <p role="status" className="muted">
          {t.preparing}
        </p>
      ) : null}
      {problem ? (
        <p className="field-error" role="alert">
          {t.fileProblem}
        </p>
      ) : null}
      {files.length > 0 ? (
        <ul className="plain-list stack">
          {files.map((f) => (
            <li key={f.hash} className="row-with-action" data-testid="consultation-file-item">
              <span>
                {f.name} ({sizeText(f.size)})
              </span>
              <button type="button" className="button button-small" disabled={disabled} onClick={() => onChange(files.filter((x) => x.hash !== f.hash))}>
                {format(t.removeFile, { name: f.name })}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </fieldset>
  );
}
