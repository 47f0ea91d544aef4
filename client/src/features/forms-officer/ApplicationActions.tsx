import type { ApplicationActionInput, ApplicationDetail } from '@kumiai/shared';
import { useState } from 'react';
import { ApiError, errorCode } from '../../api/client.ts';
import type { AnyErrorCode } from '../../i18n/types.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { actOnApplication } from './forms-officer-api.ts';
import { TextAreaField } from '../../ui/TextAreaField.tsx';

type OfficerAction = ApplicationActionInput['action'];
const officerActions = ['approve', 'return', 'reject', 'pay'] as const satisfies readonly OfficerAction[];

interface Props {
  detail: ApplicationDetail;
  onChanged: (next: ApplicationDetail) => void;
  /** The application changed on the server meanwhile: fetch it again. */
  onStale: () => void;
}

/**
 * The buttons the server says this officer may use now, with an optional
 * comment; each sends the state and step on screen, so an action on an
 * application someone else has just moved on is refused, not misapplied.
 */
export function ApplicationActions({ detail, onChanged, onStale }: Props) {
  const { m } = useI18n();
  const t = m.formsOfficer;
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState<OfficerAction | null>(null);
  const [confirmReject, setConfirmReject] = useState(false);
  const [error, setError] = useState<AnyErrorCode | null>(null);
  const [done, setDone] = useState<OfficerAction | null>(null);
  const allowed = officerActions.filter((a) => detail.actions.includes(a));

  async function act(action: OfficerAction): Promise<void> {
    setBusy(action);
    setError(null);
    setDone(null);
    const input: ApplicationActionInput = { action, expectedState: detail.state, expectedStep: detail.step, ...(comment.trim() ? { comment: comment.trim() } : {}) };
    try {
      onChanged(await actOnApplication(detail.id, input));
      setComment('');
      setDone(action);
    } catch (e) {
      setError(errorCode(e));
      if (e instanceof ApiError && (e.code === 'application_changed' || e.status === 409)) onStale();
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className="stack" aria-labelledby="actions-title" data-testid="application-actions">
      <h2 id="actions-title">{t.actionsTitle}</h2>
      <ErrorAlert code={error} testId="application-action-error" />
      <p role="status" data-testid="application-action-done" data-action={done ?? undefined}>
        {done ? t.done[done] : ''}
      </p>
      {allowed.length === 0 ? (
        <p data-testid="application-no-actions">{t.noActions}</p>
      ) : (
        <>
          <TextAreaField label={t.comment} hint={t.commentHint} value={comment} onValueChange={setComment} maxLength={2000} testId="application-comment" />
          <div className="button-row">
            {allowed.map((action) => (
              <button
                key={action}
                type="button"
                className={`button button-large${action === 'approve' || action === 'pay' ? ' button-primary' : action === 'reject' ? ' button-danger' : ''}`}
                disabled={busy !== null}
                aria-busy={busy === action}
                onClick={() => (action === 'reject' ? setConfirmReject(true) : void act(action))}
                data-testid={`application-action-${action}`}
              >
                {busy === action ? m.common.sending : t.actions[action]}
              </button>
            ))}
          </div>
        </>
      )}
      {confirmReject ? (
        <ConfirmDialog
          title={t.rejectTitle}
          body={t.rejectBody}
          cancelLabel={t.cancel}
          confirmLabel={t.actions.reject}
          onCancel={() => setConfirmReject(false)}
          onConfirm={() => {
            setConfirmReject(false);
            void act('reject');
          }}
          testId="application-reject-confirm"
        />
      ) : null}
    </section>
  );
}
