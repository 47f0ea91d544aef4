import { consultationStatuses, type ConsultationStatus } from '@kumiai/shared';
import { useState } from 'react';
import { useI18n } from '../../i18n/use-i18n.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { RadioGroup } from '../../ui/RadioGroup.tsx';
import { useAction } from '../../ui/use-action.ts';
import { setCaseStatus } from './consultations-api.ts';

/** An assigned officer changes the case's status (online; the member is told, and the synced case brings the new status back). */
export function StatusForm({ caseId, status }: { caseId: string; status: ConsultationStatus }) {
  const { m } = useI18n();
  const t = m.consultationsOfficer;
  const [next, setNext] = useState<ConsultationStatus>(status);
  const [saved, setSaved] = useState(false);
  const action = useAction();
  return (
    <form
      className="stack"
      onSubmit={action.onSubmit(async () => {
        setSaved(false);
        await setCaseStatus(caseId, next);
        setSaved(true);
      })}
    >
      <RadioGroup legend={t.statusLegend} hint={t.statusOnline} options={consultationStatuses.map((s) => ({ value: s, label: m.consultations.status[s] }))} value={next} onChange={setNext} testId="consultation-status-choice" />
      <button type="submit" className="button" disabled={action.busy || next === status} data-testid="consultation-status-save">
        {t.statusSave}
      </button>
      <ErrorAlert code={action.error} />
      {saved ? (
        <p role="status" className="notice notice-success">
          {t.statusSaved}
        </p>
      ) : null}
    </form>
  );
}
