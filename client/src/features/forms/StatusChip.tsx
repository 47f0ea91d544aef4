import type { SubmissionDoc } from '@kumiai/shared';
import { useI18n } from '../../i18n/use-i18n.ts';
import { pendingStateText, statusText, statusTone } from './status.ts';

/** The submission's status in words (never colour alone), or, while a change waits on the device, that it waits to be sent. */
export function StatusChip({ sub, pending }: { sub: Pick<SubmissionDoc, 'kind' | 'state' | 'step' | 'steps'>; pending: boolean }) {
  const { m } = useI18n();
  if (!pending) {
    return (
      <span className={`badge status-chip status-${statusTone(sub)}`} data-testid="submission-status" data-state={sub.state} data-step={sub.step}>
        {statusText(sub, m.forms)}
      </span>
    );
  }
  // Waiting on the device: one chip that says so (and the state the change will bring, when it is not the sending itself).
  const state = pendingStateText(sub, m.forms);
  return (
    <span className="badge badge-strong status-chip" data-testid="submission-status" data-state={sub.state} data-step={sub.step}>
      {state ? `${state} · ` : null}
      <span data-testid="submission-pending">
        <span aria-hidden="true">⏳ </span>
        {m.forms.waitingToSend}
      </span>
    </span>
  );
}
