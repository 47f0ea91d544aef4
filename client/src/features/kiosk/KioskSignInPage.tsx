import { useNavigate } from '@tanstack/react-router';
import { useId, useState, type FormEvent } from 'react';
import { errorCode } from '../../api/client.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import type { AnyErrorCode } from '../../i18n/types.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { refreshSession } from '../auth/index.ts';
import { kioskSignIn, useKiosk } from './kiosk-store.ts';

/** The shared tablet's sign-in: employee number and the member's kiosk PIN. */
export function KioskSignInPage() {
  const { m } = useI18n();
  useDocumentTitle(m.kiosk.signInTitle);
  const kiosk = useKiosk();
  const navigate = useNavigate();
  const alertId = useId();
  const [employeeNumber, setEmployeeNumber] = useState('');
  const [pin, setPin] = useState('');
  const [error, setError] = useState<AnyErrorCode | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(): Promise<void> {
    if (employeeNumber.trim() === '' || pin.trim() === '') {
      setError('validation_failed');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await kioskSignIn(employeeNumber.trim(), pin.normalize('NFKC').trim());
      await refreshSession();
      await navigate({ to: '/' });
    } catch (e) {
      setError(errorCode(e));
      setPin('');
    } finally {
      setBusy(false);
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (!busy) void submit();
  }

  if (!kiosk) {
    return (
      <section className="card stack" aria-labelledby="kiosk-title">
        <h1 id="kiosk-title">{m.kiosk.signInTitle}</h1>
        <p data-testid="kiosk-not-registered">{m.kiosk.notRegistered}</p>
      </section>
    );
  }

  return (
    <section className="card stack kiosk-sign-in" aria-labelledby="kiosk-title" data-testid="kiosk-sign-in">
      <h1 id="kiosk-title">
        {m.kiosk.signInTitle}
        <span className="kiosk-workplace" data-testid="kiosk-workplace">
          {kiosk.unitName}
        </span>
      </h1>
      <form className="stack" onSubmit={onSubmit} noValidate aria-describedby={error ? alertId : undefined}>
        <ErrorAlert code={error} id={alertId} testId="kiosk-error" />
        <TextField label={m.auth.employeeNumber} value={employeeNumber} onValueChange={setEmployeeNumber} inputMode="numeric" autoComplete="off" spellCheck={false} maxLength={32} data-testid="kiosk-employee-number" />
        <TextField label={m.kiosk.pin} hint={m.kiosk.pinHint} type="password" inputMode="numeric" pattern="[0-9]*" value={pin} onValueChange={setPin} autoComplete="off" maxLength={8} data-testid="kiosk-pin" />
        <button type="submit" className="button button-primary button-large" disabled={busy} aria-busy={busy} data-testid="kiosk-submit">
          {m.auth.signIn}
        </button>
      </form>
      <p className="muted">{m.kiosk.sharedNote}</p>
    </section>
  );
}
