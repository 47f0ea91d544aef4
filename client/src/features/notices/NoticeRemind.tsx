import type { ReminderResult } from '@kumiai/shared';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { errorCode } from '../../api/client.ts';
import { format } from '../../i18n/format.ts';
import type { AnyErrorCode } from '../../i18n/types.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { remindUnread } from './notices-api.ts';

/**
 * Reminds the unread and says what happened: how many a notification reached, how many it
 * cannot reach (no notifications on) and that everyone sees it in the app; offers the printed list.
 */
export function NoticeRemind({ noticeId, onSent }: { noticeId: string; onSent?: () => void }) {
  const { m } = useI18n();
  const t = m.reminders;
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ReminderResult | null>(null);
  const [error, setError] = useState<AnyErrorCode | null>(null);

  async function remind(): Promise<void> {
    setBusy(true);
    setResult(null);
    setError(null);
    try {
      setResult(await remindUnread(noticeId));
      onSent?.();
    } catch (e) {
      setError(errorCode(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="stack">
      <button type="button" className="button button-large" onClick={() => void remind()} disabled={busy} aria-busy={busy} data-testid="read-rate-remind">
        {busy ? m.common.sending : t.remind}
      </button>
      <p className="field-hint">{t.remindHint}</p>
      <ErrorAlert code={error} testId="read-rate-remind-error" />
      <div role="status" data-testid="read-rate-reminded" data-members={result?.pushed ?? undefined}>
        {result === null ? null : result.unread === 0 ? (
          <p>{t.noneUnread}</p>
        ) : (
          <>
            <p>
              {result.withoutPush > 0 ? format(t.withoutPush, { pushed: result.pushed, n: result.withoutPush }) : format(t.pushed, { n: result.pushed })}
            </p>
            <p>{format(t.inApp, { n: result.unread })}</p>
          </>
        )}
      </div>
      <p>{t.printHint}</p>
      <p>
        <Link to="/notices/$noticeId/unread" params={{ noticeId }} className="button">
          {t.printLink}
        </Link>
      </p>
    </div>
  );
}
