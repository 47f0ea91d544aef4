import type { Attachment } from '@kumiai/shared';
import { useId, useState, type ChangeEvent } from 'react';
import { errorCode } from '../../api/client.ts';
import { format } from '../../i18n/format.ts';
import type { AnyErrorCode } from '../../i18n/types.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { uploadFile } from '../../api/files.ts';

interface Props {
  value: readonly Attachment[];
  onChange: (next: Attachment[]) => void;
  onBusy: (busy: boolean) => void;
}

/** Picks files and uploads each at once (POST /api/uploads); the server checks the type from the content. */
export function AttachmentPicker({ value, onChange, onBusy }: Props) {
  const { m } = useI18n();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AnyErrorCode | null>(null);

  async function upload(files: File[]): Promise<void> {
    setBusy(true);
    onBusy(true);
    setError(null);
    const added: Attachment[] = [];
    try {
      for (const file of files) added.push(await uploadFile(file, file.name));
    } catch (e) {
      setError(errorCode(e));
    } finally {
      onChange([...value.filter((a) => !added.some((b) => b.hash === a.hash)), ...added]);
      setBusy(false);
      onBusy(false);
    }
  }

  function onPick(event: ChangeEvent<HTMLInputElement>): void {
    const files = Array.from(event.target.files ?? []);
    event.target.value = '';
    if (files.length > 0) void upload(files);
  }

  return (
    <div className="field stack">
      <label className="field-label" htmlFor={id}>
        {m.notices.attachFiles}
      </label>
      <input id={id} type="file" className="file-input" multiple accept="application/pdf,image/png,image/jpeg,image/webp,image/gif" onChange={onPick} disabled={busy} data-testid="notice-file-input" />
      {busy ? (
        <p role="status" className="muted">
          {m.notices.uploading}
        </p>
      ) : null}
      <ErrorAlert code={error} testId="notice-upload-error" />
      {value.length > 0 ? (
        <ul className="plain-list" data-testid="notice-attached">
          {value.map((a) => (
            <li key={a.hash} className="row-with-action" data-testid="notice-attached-file">
              <span>{a.name}</span>
              <button type="button" className="button button-small" onClick={() => onChange(value.filter((x) => x.hash !== a.hash))}>
                {format(m.notices.removeAttachment, { name: a.name })}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
