import type { SubmissionDoc } from '@kumiai/shared';
import { useI18n } from '../../i18n/use-i18n.ts';
import { statusText, statusTone } from './status.ts';

/** The submission's status in words (never colour alone), with its waiting-to-send badge. */
export function StatusChip({ sub, pending }: { sub: Pick<SubmissionDoc, 'kind' | 'state' | 'step' | 'steps'>; pending: boolean }) {
  const { m } = useI18n();
  return (
    <span className="notice-badges">
      <span className={`badge status-chip status-${statusTone(sub)}`} data-testid="submission-status" data-state={sub.state} data-step={sub.step}>
        {statusText(sub, m.forms)}
      </span>
      {pending ? (
        <span className="badge badge-strong" data-testid="submission-pending">
          <span aria-hidden="true">⏳ </span>
          {m.forms.waitingToSend}
        </span>
      ) : null}
    </span>
  );
}
