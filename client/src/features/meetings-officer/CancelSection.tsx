import type { MeetingDetail } from '@kumiai/shared';
import { useState } from 'react';
import { useI18n } from '../../i18n/use-i18n.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { TextAreaField } from '../../ui/TextAreaField.tsx';
import { useAction } from '../../ui/use-action.ts';
import { cancelMeeting } from './officer-api.ts';

/** Cancels the meeting with a reason the invitees are told (POST /cancel); it stays on their devices marked cancelled. */
export function CancelSection({ detail, onChange }: { detail: MeetingDetail; onChange: (next: MeetingDetail) => void }) {
  const { m } = useI18n();
  const t = m.meetingsOfficer;
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const action = useAction();
  if (!open)
    return (
      <p>
        <button type="button" className="button button-danger" onClick={() => setOpen(true)} data-testid="meeting-cancel-open">
          {t.cancel}
        </button>
      </p>
    );
  return (
    <form
      className="stack"
      aria-label={t.cancel}
      onSubmit={action.onSubmit(async () => {
        onChange(await cancelMeeting(detail.id, reason.trim()));
        setOpen(false);
      })}
    >
      <TextAreaField label={t.cancelReason} value={reason} onValueChange={setReason} maxLength={2000} testId="meeting-cancel-reason" />
      <ErrorAlert code={action.error} testId="meeting-cancel-error" />
      <p className="button-row">
        <button type="button" className="button" onClick={() => setOpen(false)}>
          {t.cancelKeep}
        </button>
        <button type="submit" className="button button-danger" disabled={action.busy} data-testid="meeting-cancel-confirm">
          {t.cancelConfirm}
        </button>
      </p>
    </form>
  );
}
