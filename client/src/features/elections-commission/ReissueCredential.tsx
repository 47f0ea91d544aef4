import type { ElectionDetail, RollEntry } from '@kumiai/shared';
import { useId, useState } from 'react';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { reissueCredential } from './commission-api.ts';
import { useAction } from './use-action.ts';

interface Props {
  detail: ElectionDetail;
  entry: RollEntry;
  onChange: (next: ElectionDetail) => void;
}

/**
 * A lost credential, re-issued for one roll member after the commission has
 * checked who they are offline: a button, then a confirmation that says what
 * it does and what it cannot (a member who voted online keeps their credential).
 */
export function ReissueCredential({ detail, entry, onChange }: Props) {
  const { m } = useI18n();
  const t = m.electionsCommission;
  const action = useAction();
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState(false);
  const titleId = useId();
  const confirm = async () => {
    const next = await action.run(() => reissueCredential(detail.id, entry.memberId));
    if (!next) return;
    setConfirming(false);
    setDone(true);
    onChange(next);
  };
  if (!confirming) {
    return (
      <span className="stack">
        <button
          type="button"
          className="button"
          data-testid="reissue-credential"
          onClick={() => {
            setDone(false);
            setConfirming(true);
          }}
        >
          {format(t.reissue, { name: entry.name })}
        </button>
        {done ? <span role="status">{format(t.reissued, { name: entry.name })}</span> : null}
      </span>
    );
  }
  return (
    <span className="stack notice notice-warning" role="group" aria-labelledby={titleId} data-testid="reissue-confirm">
      <strong id={titleId}>{format(t.reissueConfirmTitle, { name: entry.name })}</strong>
      <span>{t.reissueCheck}</span>
      <span>{t.reissueServer}</span>
      <span className="button-row">
        <button type="button" className="button button-danger" disabled={action.busy} onClick={() => void confirm()} data-testid="reissue-confirm-button">
          {t.reissueConfirm}
        </button>
        <button type="button" className="button" disabled={action.busy} onClick={() => setConfirming(false)}>
          {t.reissueCancel}
        </button>
      </span>
      <ErrorAlert code={action.error} />
    </span>
  );
}
