import { useState } from 'react';
import { useI18n } from '../../i18n/use-i18n.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useAction } from '../../ui/use-action.ts';
import { eraseCase } from './consultations-api.ts';

/** The member asks for the case's content to be deleted now (online; asked once more before). */
export function EraseSection({ caseId }: { caseId: string }) {
  const { m } = useI18n();
  const t = m.consultations;
  const [asking, setAsking] = useState(false);
  const [done, setDone] = useState(false);
  const action = useAction();
  return (
    <section className="stack" aria-labelledby="consultation-erase">
      <h2 id="consultation-erase">{t.eraseTitle}</h2>
      <p className="muted">
        {t.eraseHint} {t.eraseOnline}
      </p>
      <button type="button" className="button button-danger" disabled={action.busy || done} onClick={() => setAsking(true)} data-testid="consultation-erase">
        {t.erase}
      </button>
      <ErrorAlert code={action.error} />
      {done ? (
        <p role="status" className="notice notice-success">
          {t.erased}
        </p>
      ) : null}
      {asking ? (
        <ConfirmDialog
          title={t.eraseConfirmTitle}
          body={t.eraseConfirmBody}
          cancelLabel={t.eraseCancel}
          confirmLabel={t.eraseConfirm}
          onCancel={() => setAsking(false)}
          onConfirm={() => {
            setAsking(false);
            void action.run(async () => {
              await eraseCase(caseId);
              setDone(true);
            });
          }}
          testId="consultation-erase-dialog"
        />
      ) : null}
    </section>
  );
}
