import { isErrorCode } from '@kumiai/shared';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { formatDateTime } from '../../ui/dates.ts';
import type { QueueState } from './checkin-queue.ts';

/** What this device holds and has not yet sent, what the server counted, and what it refused (with why). */
export function WaitingCheckins({ state, onSend, onDismiss }: { state: QueueState; onSend: () => void; onDismiss: () => void }) {
  const { m, lang } = useI18n();
  const t = m.meetingsOfficer;
  const reason = (code: string) => (isErrorCode(code) ? m.errors[code] : code);
  return (
    <section className="card stack" aria-labelledby="waiting-title" data-testid="checkin-waiting" data-pending={state.pending.length}>
      <h2 id="waiting-title">{t.waitingTitle}</h2>
      <p role="status" data-testid="checkin-waiting-says">
        {state.pending.length === 0 ? t.waitingNone : format(t.waitingSays, { n: state.pending.length })}
      </p>
      {state.pending.length > 0 ? (
        <>
          <ul className="plain-list">
            {state.pending.map((c) => (
              <li key={c.id} className="meeting-wrap" data-testid="checkin-pending">
                {c.label} · {formatDateTime(c.at, lang)}
              </li>
            ))}
          </ul>
          <p>
            <button type="button" className="button" disabled={state.sending} onClick={onSend} data-testid="checkin-send">
              {t.sendNow}
            </button>
          </p>
        </>
      ) : null}
      {/* Offline is said at the top of the screen; any other refusal of a whole batch (a cancelled meeting) here. */}
      <ErrorAlert code={state.error === 'network_failed' ? null : state.error} testId="checkin-send-error" />
      {state.recorded + state.duplicates > 0 ? <p data-testid="checkin-sent">{format(t.sentSays, { recorded: state.recorded, duplicates: state.duplicates })}</p> : null}
      {state.refused.length > 0 ? (
        <div role="alert" className="notice notice-error stack" data-testid="checkin-refused">
          <h3>{t.refusedTitle}</h3>
          <ul className="plain-list">
            {state.refused.map((r) => (
              <li key={r.checkin.id} className="meeting-wrap">
                {r.checkin.label}: {reason(r.code)}
              </li>
            ))}
          </ul>
          <button type="button" className="button button-small" onClick={onDismiss}>
            {t.dismiss}
          </button>
        </div>
      ) : null}
    </section>
  );
}
