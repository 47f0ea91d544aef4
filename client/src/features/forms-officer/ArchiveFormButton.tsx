import type { FormDoc } from '@kumiai/shared';
import { useState } from 'react';
import { errorCode } from '../../api/client.ts';
import { format } from '../../i18n/format.ts';
import type { AnyErrorCode } from '../../i18n/types.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { archiveForm } from './forms-officer-api.ts';

/** Closes a form early, after a confirmation; the synced form then shows it closed everywhere. */
export function ArchiveFormButton({ form }: { form: FormDoc }) {
  const { m } = useI18n();
  const t = m.formsOfficer;
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AnyErrorCode | null>(null);

  async function archive(): Promise<void> {
    setConfirming(false);
    setBusy(true);
    setError(null);
    try {
      await archiveForm(form.id);
    } catch (e) {
      setError(errorCode(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <button
        type="button"
        className="button button-small button-danger"
        disabled={busy}
        aria-busy={busy}
        aria-label={format(t.archiveLabel, { title: form.title })}
        onClick={() => setConfirming(true)}
        data-testid={`form-archive-${form.id}`}
      >
        {busy ? m.common.sending : t.archive}
      </button>
      <ErrorAlert code={error} testId="form-archive-error" />
      {confirming ? (
        <ConfirmDialog title={t.archiveTitle} body={t.archiveBody} cancelLabel={t.cancel} confirmLabel={t.archive} onCancel={() => setConfirming(false)} onConfirm={() => void archive()} testId="form-archive-confirm" />
      ) : null}
    </>
  );
}
