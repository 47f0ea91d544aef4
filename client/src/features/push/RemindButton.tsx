import { useState, type ReactNode } from 'react';
import { errorCode } from '../../api/client.ts';
import { format } from '../../i18n/format.ts';
import type { AnyErrorCode } from '../../i18n/types.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';

interface Props<R extends { members: number }> {
  /** Sends the reminder; answers (at least) how many members it reached. */
  send: () => Promise<R>;
  label: string;
  /** "Sent to {n} members", with {n}; or `describe` for a fuller answer. */
  sentText?: string;
  /** Says what the reminder did, from the server's whole answer (in place of `sentText`). */
  describe?: (result: R) => ReactNode;
  hint?: string;
  /** Called once the reminder was sent. */
  onSent?: () => void;
  /** `<testId>`, `<testId>-error`, and `<testId>ed` for the status line (with data-members). */
  testId: string;
}

/** A push reminder to those who have not read or answered yet, with how many it reached in a status line. */
export function RemindButton<R extends { members: number }>({ send, label, sentText, describe, hint, onSent, testId }: Props<R>) {
  const { m } = useI18n();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<R | null>(null);
  const [error, setError] = useState<AnyErrorCode | null>(null);

  async function remind(): Promise<void> {
    setBusy(true);
    setResult(null);
    setError(null);
    try {
      setResult(await send());
      onSent?.();
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
      <div role="status" data-testid={`${testId}ed`} data-members={result?.members ?? undefined}>
        {result === null ? null : describe ? describe(result) : <p>{format(sentText ?? '', { n: result.members })}</p>}
      </div>
    </div>
  );
}
