import type { Attachment } from '@kumiai/shared';
import { useState, type FormEvent } from 'react';
import { errorCode } from '../../api/client.ts';
import { format } from '../../i18n/format.ts';
import type { AnyErrorCode } from '../../i18n/types.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { addDocumentVersion } from './documents-api.ts';
import { FileField } from './FileField.tsx';

/** Officers upload a new version (POST /api/documents/:id/versions); the previous ones stay. */
export function NewVersionForm({ documentId }: { documentId: string }) {
  const { m } = useI18n();
  const [file, setFile] = useState<Attachment | null>(null);
  const [note, setNote] = useState('');
  const [uploading, setUploading] = useState(false);
  const [busy, setBusy] = useState(false);
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<AnyErrorCode | null>(null);
  const [added, setAdded] = useState<number | null>(null);

  async function submit(): Promise<void> {
    if (!file) return setMissing(true);
    setMissing(false);
    setBusy(true);
    setError(null);
    try {
      const { version } = await addDocumentVersion(documentId, { file, ...(note.trim() ? { note: note.trim() } : {}) });
      setAdded(version);
      setFile(null);
      setNote('');
    } catch (e) {
      setError(errorCode(e));
    } finally {
      setBusy(false);
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (!busy && !uploading) void submit();
  }

  return (
    <section className="stack" aria-labelledby="new-version-title" data-testid="document-new-version">
      <h2 id="new-version-title">{m.documents.newVersion}</h2>
      <form className="stack" onSubmit={onSubmit} noValidate>
        <ErrorAlert code={error} testId="document-version-error" />
        <FileField label={m.documents.file} value={file} onChange={setFile} onBusy={setUploading} error={missing ? m.documents.fileMissing : null} testId="document-version-file" />
        <TextField label={m.documents.versionNote} value={note} onValueChange={setNote} maxLength={500} data-testid="document-version-note" />
        <button type="submit" className="button button-primary" disabled={busy || uploading} aria-busy={busy} data-testid="document-version-submit">
          {busy ? m.common.sending : m.documents.uploadVersion}
        </button>
        {added !== null ? (
          <p role="status" data-testid="document-version-added">
            {format(m.documents.versionAdded, { version: added })}
          </p>
        ) : null}
      </form>
    </section>
  );
}
