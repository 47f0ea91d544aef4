import { CANDIDATE_PHOTO_MAX_BYTES } from '@kumiai/shared';
import { useId, useState } from 'react';
import { errorCode } from '../../api/client.ts';
import { fileUrl, uploadFile } from '../../api/files.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import type { AnyErrorCode } from '../../i18n/types.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { prepareFile } from '../forms/index.ts';

interface Props {
  /** The candidate's name: the photo's alt text. */
  name: string;
  photo: string | undefined;
  onChange: (photo: string | undefined) => void;
  testId: string;
}

/** A candidate's photo in the editor: picked, made smaller on this device, uploaded (online), shown; or removed. */
export function CandidatePhotoField({ name, photo, onChange, testId }: Props) {
  const { m } = useI18n();
  const t = m.electionsCommission;
  const inputId = useId();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState(false);
  const [error, setError] = useState<AnyErrorCode | null>(null);

  const pick = async (file: File | undefined) => {
    if (!file) return;
    setProblem(false);
    setError(null);
    setBusy(true);
    try {
      const prepared = await prepareFile(file);
      if (!prepared.ok || prepared.file.type === 'application/pdf' || prepared.file.size > CANDIDATE_PHOTO_MAX_BYTES) {
        setProblem(true);
        return;
      }
      onChange((await uploadFile(prepared.file.blob, prepared.file.name)).hash);
    } catch (e) {
      setError(errorCode(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="candidate-photo-field stack" data-testid={testId}>
      <span className="field-label">{t.photo}</span>
      {photo ? <img className="candidate-photo" src={fileUrl(photo)} alt={name} width={96} height={96} /> : null}
      <p className="field-hint" id={`${inputId}-hint`}>
        {t.photoHint}
      </p>
      <label className="field-label stack" htmlFor={inputId}>
        {photo ? t.photoChange : t.photoPick}
        <input
          id={inputId}
          className="file-input"
          type="file"
          accept="image/*"
          aria-describedby={`${inputId}-hint`}
          disabled={busy}
          onChange={(e) => {
            void pick(e.currentTarget.files?.[0]);
            e.currentTarget.value = '';
          }}
          data-testid={`${testId}-input`}
        />
      </label>
      {busy ? <p role="status">{t.photoUploading}</p> : null}
      {problem ? (
        <p role="alert" className="notice notice-error">
          {t.photoProblem}
        </p>
      ) : null}
      <ErrorAlert code={error} />
      {photo ? (
        <button type="button" className="button" onClick={() => onChange(undefined)}>
          {t.photoRemove}
        </button>
      ) : null}
    </div>
  );
}
