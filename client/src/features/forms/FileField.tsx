import type { Answer, Attachment } from '@kumiai/shared';
import { useState, type ChangeEvent } from 'react';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { sizeText } from '../../ui/files.ts';
import { useSession } from '../auth/index.ts';
import { fieldInputId } from './answers.ts';
import { FieldShell, type FieldControlProps } from './FieldShell.tsx';
import { keepPickedFiles, type PickProblem } from './outbox.ts';


function asFiles(value: Answer | null | undefined): Attachment[] {
  return Array.isArray(value) ? (value as unknown[]).filter((v): v is Attachment => typeof v === 'object' && v !== null && 'hash' in v) : [];
}

/**
 * Photos and PDFs, attached offline: the camera or a file, downscaled and
 * hashed on the device and kept in the member's outbox until the sync engine
 * uploads them just before the submission is pushed.
 */
export function FileField({ field, value, onChange, lang, error, disabled }: FieldControlProps) {
  const { m } = useI18n();
  const { me } = useSession();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<PickProblem | null>(null);
  const files = asFiles(value);
  const max = field.max ?? 20;
  const base = fieldInputId(field.id);

  async function add(picked: File[]): Promise<void> {
    if (!me) return;
    setBusy(true);
    setProblem(null);
    let next = files;
    try {
      const kept = await keepPickedFiles(me.member.id, picked, files, max);
      next = kept.files;
      setProblem(kept.problem);
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

  const problemText =
    problem === null
      ? null
      : problem.code === 'too_large'
        ? format(m.forms.file.tooLarge, { size: sizeText(problem.size ?? 0) })
        : problem.code === 'too_many'
          ? format(m.forms.file.tooMany, { max })
          : m.forms.file[problem.code];

  return (
    <FieldShell field={field} lang={lang} error={error} group extraHint={m.forms.file.hint}>
      {() => (
        <div className="stack">
          <div className="file-pickers">
            <label className="field-label file-picker" htmlFor={`${base}-camera`}>
              <span aria-hidden="true">📷 </span>
              {m.forms.file.camera}
              <input id={`${base}-camera`} type="file" className="file-input" accept="image/*" capture="environment" onChange={onPick} disabled={disabled || busy || files.length >= max} data-testid={`form-camera-${field.id}`} />
            </label>
            <label className="field-label file-picker" htmlFor={base}>
              <span aria-hidden="true">📄 </span>
              {m.forms.file.pick}
              <input id={base} type="file" className="file-input" accept="image/*,application/pdf" multiple={max > 1} onChange={onPick} disabled={disabled || busy || files.length >= max} data-testid={`form-file-${field.id}`} />
            </label>
          </div>
          {busy ? (
            <p role="status" className="muted">
              {m.forms.file.preparing}
            </p>
          ) : null}
          {problemText ? (
            <p className="field-error" role="alert" data-testid={`form-file-problem-${field.id}`} data-code={problem?.code}>
              {problemText}
            </p>
          ) : null}
          {files.length > 0 ? (
            <ul className="plain-list form-file-list">
              {files.map((f) => (
                <li key={f.hash} className="row-with-action" data-testid="form-file-item" data-hash={f.hash}>
                  <span>
                    {f.name} ({sizeText(f.size)})
                  </span>
                  <button type="button" className="button button-small" disabled={disabled} onClick={() => onChange(files.filter((x) => x.hash !== f.hash))}>
                    {format(m.forms.file.remove, { name: f.name })}
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      )}
    </FieldShell>
  );
}
