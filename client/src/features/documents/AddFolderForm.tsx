import { useState, type FormEvent } from 'react';
import { errorCode } from '../../api/client.ts';
import type { AnyErrorCode } from '../../i18n/types.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { createFolder } from './documents-api.ts';

/** Officers add a folder to the library (POST /api/folders); it reaches the list through sync. */
export function AddFolderForm() {
  const { m } = useI18n();
  const [name, setName] = useState('');
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AnyErrorCode | null>(null);
  const [added, setAdded] = useState<string | null>(null);

  async function submit(): Promise<void> {
    const trimmed = name.trim();
    if (!trimmed) return setMissing(true);
    setMissing(false);
    setBusy(true);
    setError(null);
    setAdded(null);
    try {
      await createFolder({ name: trimmed });
      setAdded(trimmed);
      setName('');
    } catch (e) {
      setError(errorCode(e));
    } finally {
      setBusy(false);
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (!busy) void submit();
  }

  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-labelledby="add-folder-title" data-testid="folder-form">
      <h2 id="add-folder-title">{m.documents.addFolder}</h2>
      <ErrorAlert code={error} testId="folder-error" />
      <TextField label={m.documents.folderName} value={name} onValueChange={setName} maxLength={100} required error={missing ? m.common.required : null} data-testid="folder-name-input" />
      <button type="submit" className="button button-large" disabled={busy} aria-busy={busy} data-testid="folder-add">
        {busy ? m.common.sending : m.documents.addFolder}
      </button>
      <p role="status" data-testid="folder-added">
        {added === null ? '' : `${m.documents.folderAdded} ${added}`}
      </p>
    </form>
  );
}
