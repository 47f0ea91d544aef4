import { useState } from 'react';
import { errorCode } from '../../api/client.ts';
import { format } from '../../i18n/format.ts';
import type { AnyErrorCode } from '../../i18n/types.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';

interface Props {
  /** Sends the reminder; answers how many members it reached. */
  send: () => Promise<{ members: number }>;
  label: string;
  /** "Sent to {n} members", with {n}. */
  sentText: string;
  hint?: string;
  /** `<testId>`, `<testId>-error`, and `<testId>ed` for the status line (with data-members). */
  testId: string;
}

/** A push reminder to those who have not read or answered yet, with how many it reached in a status line. */
export function RemindButton({ send, label, sentText, hint, testId }: Props) {
  const { m } = useI18n();
  const [busy, setBusy] = useState(false);
  const [reached, setReached] = useState<number | null>(null);
  const [error, setError] = useState<AnyErrorCode | null>(null);

  async function remind(): Promise<void> {
    setBusy(true);
    setReached(null);
    setError(null);
    try {
      setReached((await send()).members);
    } catch (e) {
      setError(errorCode(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="stack">
      <button type="button" className="button button-large" onClick={() => void remind()} disabled={busy} aria-busy={busy} data-testid={testId}>
        {busy ? m.common.sending : label}
      </button>
      {hint ? <p className="field-hint">{hint}</p> : null}
      <ErrorAlert code={error} testId={`${testId}-error`} />
      <p role="status" data-testid={`${testId}ed`} data-members={reached ?? undefined}>
        {reached === null ? '' : format(sentText, { n: reached })}
      </p>
    </div>
  );
}
