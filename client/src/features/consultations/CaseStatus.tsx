import type { ConsultationDoc } from '@kumiai/shared';
import { useI18n } from '../../i18n/use-i18n.ts';
import { caseStatus } from './cases.ts';

/** A case's status in words (受付 / 対応中 / 解決 / 終了), or, while it waits on the device, that it waits to be sent. */
export function CaseStatus({ c, waiting }: { c: Pick<ConsultationDoc, 'status'>; waiting: boolean }) {
  const { m } = useI18n();
  if (waiting) {
    return (
      <span className="badge badge-strong" data-testid="consultation-status" data-state="waiting">
        <span aria-hidden="true">⏳ </span>
        {m.consultations.waitingToSend}
      </span>
    );
  }
  const status = caseStatus(c);
  return (
    <span className="badge" data-testid="consultation-status" data-state={status}>
      {m.consultations.status[status]}
    </span>
  );
}
