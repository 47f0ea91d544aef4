import { useNavigate } from '@tanstack/react-router';
import { useId, useState, type FormEvent } from 'react';
import { errorCode } from '../../api/client.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import type { AnyErrorCode } from '../../i18n/types.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { FirstSignInLink } from './FirstSignInLink.tsx';
import { rememberedUnionName, signIn } from './session.ts';

export function SignInPage() {
  const { m } = useI18n();
  useDocumentTitle(m.auth.signInTitle);
  const navigate = useNavigate();
  const alertId = useId();
  const [unionName] = useState(rememberedUnionName);
  const [employeeNumber, setEmployeeNumber] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<AnyErrorCode | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(): Promise<void> {
    if (employeeNumber.trim() === '' || password === '') {
      setError('validation_failed');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await signIn(employeeNumber.trim(), password);
      await navigate({ to: '/' });
    } catch (e) {
      setError(errorCode(e));
    } finally {
      setBusy(false);
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (!busy) void submit();
  }

  return (
    <section className="card stack" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">{m.auth.signInTitle}</h1>
      {unionName ? (
        <p className="union-name" data-testid="union-name">
          {unionName}
        </p>
      ) : null}
      <form className="stack" onSubmit={onSubmit} noValidate aria-describedby={error ? alertId : undefined}>
        <ErrorAlert code={error} id={alertId} testId="sign-in-error" />
        <TextField label={m.auth.employeeNumber} hint={m.auth.employeeNumberHint} value={employeeNumber} onValueChange={setEmployeeNumber} autoComplete="username" autoCapitalize="off" spellCheck={false} required maxLength={32} data-testid="sign-in-employee-number" />
        <TextField label={m.auth.password} type="password" value={password} onValueChange={setPassword} autoComplete="current-password" required maxLength={256} data-testid="sign-in-password" />
        <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy} data-testid="sign-in-submit">
          {busy ? m.auth.signingIn : m.auth.signIn}
        </button>
      </form>
      <FirstSignInLink />
      <div className="stack">
        <h2>{m.auth.forgotTitle}</h2>
        <p>{m.auth.forgotBody}</p>
      </div>
    </section>
  );
}
