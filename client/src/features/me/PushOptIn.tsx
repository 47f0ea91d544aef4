import { useId, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { usePushOptIn } from '../push/index.ts';

/**
 * "Get notifications" on this device: a switch that asks the browser for
 * permission and subscribes to Web Push, or unsubscribes. Where push cannot
 * work (a kiosk, no service worker, notifications blocked) it says why instead.
 */
export function PushOptIn({ kiosk }: { kiosk: boolean }) {
  const { m } = useI18n();
  const id = useId();
  const { status, busy, error, setEnabled } = usePushOptIn(kiosk);
  // The switch moves at once; it settles on the real state when the browser and the server have answered.
  const [wanted, setWanted] = useState<boolean | null>(null);
  const offered = status === 'on' || status === 'off' || status === 'checking';
  const note = {
    checking: m.push.checking,
    on: m.push.on,
    off: m.push.off,
    blocked: m.push.blocked,
    unsupported: m.push.unsupported,
    kiosk: m.push.kiosk,
  }[status];
  return (
    <div className="stack" data-testid="push-opt-in">
      <h2 id={`${id}-title`}>{m.push.title}</h2>
      {offered ? (
        <div className="switch-field">
          <label className="switch" htmlFor={id}>
            <input
              id={id}
              type="checkbox"
              role="switch"
              data-testid="push-toggle"
              checked={wanted ?? status === 'on'}
              disabled={busy || status === 'checking'}
              onChange={(e) => {
                setWanted(e.target.checked);
                void setEnabled(e.target.checked).finally(() => setWanted(null));
              }}
              aria-describedby={`${id}-hint ${id}-status`}
            />
            <span className="field-label">{m.push.toggle}</span>
          </label>
          <p className="field-hint" id={`${id}-hint`}>
            {m.push.hint}
          </p>
        </div>
      ) : null}
      <p className={offered ? 'muted' : 'field-hint'} role="status" id={`${id}-status`} data-testid="push-status" data-status={status}>
        {note}
      </p>
      {error instanceof ApiError ? (
        <ErrorAlert code={error.code} testId="push-error" />
      ) : error ? (
        <div className="notice notice-error" role="alert" data-testid="push-error" data-code="push_failed">
          <p>{m.push.failed}</p>
        </div>
      ) : null}
    </div>
  );
}
