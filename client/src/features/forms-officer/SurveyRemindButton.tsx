import { useState } from 'react';
import { errorCode } from '../../api/client.ts';
import { format } from '../../i18n/format.ts';
import type { AnyErrorCode } from '../../i18n/types.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { remindSurvey } from './forms-officer-api.ts';

/** Sends a push to those in the officer's units who have not answered yet (known from the "has answered" marks, anonymous surveys too). */
export function SurveyRemindButton({ formId }: { formId: string }) {
  const { m } = useI18n();
  const t = m.formsOfficer;
  const [busy, setBusy] = useState(false);
  const [reached, setReached] = useState<number | null>(null);
  const [error, setError] = useState<AnyErrorCode | null>(null);

  async function remind(): Promise<void> {
    setBusy(true);
    setReached(null);
    setError(null);
    try {
      setReached((await remindSurvey(formId)).members);
    } catch (e) {
      setError(errorCode(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="stack">
      <button type="button" className="button button-large" onClick={() => void remind()} disabled={busy} aria-busy={busy} data-testid="form-results-remind">
        {busy ? m.common.sending : t.remind}
      </button>
      <p className="field-hint">{t.remindHint}</p>
      <ErrorAlert code={error} testId="form-results-remind-error" />
      <p role="status" data-testid="form-results-reminded" data-members={reached ?? undefined}>
        {reached === null ? '' : format(t.reminded, { n: reached })}
      </p>
    </div>
  );
}
