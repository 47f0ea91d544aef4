import type { Attachment } from '@kumiai/shared';
import { useId, useState, type ChangeEvent } from 'react';
import { errorCode } from '../../api/client.ts';
import type { AnyErrorCode } from '../../i18n/types.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { uploadFile } from '../../api/files.ts';

interface Props {
  label: string;
  value: Attachment | null;
  onChange: (next: Attachment | null) => void;
  onBusy: (busy: boolean) => void;
  error?: string | null;
  testId: string;
}

/** One file, uploaded as soon as it is picked (POST /api/uploads); the server checks its type from the content. */
export function FileField({ label, value, onChange, onBusy, error, testId }: Props) {
  const { m } = useI18n();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<AnyErrorCode | null>(null);

  async function upload(file: File): Promise<void> {
    setBusy(true);
    onBusy(true);
    setFailure(null);
    try {
      onChange(await uploadFile(file, file.name));
    } catch (e) {
      setFailure(errorCode(e));
      onChange(null);
    } finally {
      setBusy(false);
      onBusy(false);
    }
  }

  function onPick(event: ChangeEvent<HTMLInputElement>): void {
    const file = event.target.files?.[0];
    if (file) void upload(file);
  }

  return (
    <div className="field stack">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        type="file"
        className="file-input"
        accept="application/pdf,image/png,image/jpeg,image/webp,image/gif"
        onChange={onPick}
        disabled={busy}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        data-testid={testId}
      />
      {busy ? (
        <p role="status" className="muted">
          {m.notices.uploading}
        </p>
      ) : value ? (
        <p className="muted" data-testid={`${testId}-done`}>
          {value.name}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      <ErrorAlert code={failure} testId={`${testId}-error`} />
    </div>
  );
}
