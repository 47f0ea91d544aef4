import { useNavigate, useRouter } from '@tanstack/react-router';
import { useId, useState } from 'react';
import { useI18n } from '../../i18n/use-i18n.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useAction } from '../../ui/use-action.ts';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { FirstSignInLink } from './FirstSignInLink.tsx';
import { takeReturn } from './return-to.ts';
import { rememberedUnionName, signIn } from './session.ts';

export function SignInPage() {
  const { m } = useI18n();
  useDocumentTitle(m.auth.signInTitle);
  const navigate = useNavigate();
  const router = useRouter();
  const alertId = useId();
  const [unionName] = useState(rememberedUnionName);
  const [employeeNumber, setEmployeeNumber] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, setError, onSubmit } = useAction();

  const submit = onSubmit(async () => {
    if (employeeNumber.trim() === '' || password === '') {
      setError('validation_failed');
      return;
    }
    await signIn(employeeNumber.trim(), password);
    const back = takeReturn();
    if (back) router.history.push(back);
    else await navigate({ to: '/' });
  });

  return (
    <section className="card stack" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">{m.auth.signInTitle}</h1>
      {unionName ? (
        <p className="union-name" data-testid="union-name">
          {unionName}
        </p>
      ) : null}
      <form className="stack" onSubmit={submit} noValidate aria-describedby={error ? alertId : undefined}>
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
