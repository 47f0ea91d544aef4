import { checkPassword } from '@kumiai/shared';
import { useNavigate } from '@tanstack/react-router';
import { useId, useState } from 'react';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useAction } from '../../ui/use-action.ts';
import { activate } from './auth-api.ts';
import { forgetActivationCode } from './activation-code.ts';
import { refreshSession } from './session.ts';

interface Props {
  code: string;
  name: string;
  employeeNumber: string;
}

const PIN = /^[0-9]{4,8}$/;

export function ActivateForm({ code, name, employeeNumber }: Props) {
  const { m } = useI18n();
  const navigate = useNavigate();
  const alertId = useId();
  const [password, setPassword] = useState('');
  const [pin, setPin] = useState('');
  const [pinError, setPinError] = useState(false);
  const { busy, error, setError, onSubmit } = useAction();

  const submit = onSubmit(async () => {
    const digits = pin.normalize('NFKC').trim();
    const badPin = digits !== '' && !PIN.test(digits);
    setPinError(badPin);
    const passwordProblem = checkPassword(password);
    if (passwordProblem || badPin) {
      setError(passwordProblem ?? 'validation_failed');
      return;
    }
    await activate(code, password, digits === '' ? null : digits);
    forgetActivationCode();
    await refreshSession();
    await navigate({ to: '/' });
  });

  return (
    <form className="stack" onSubmit={submit} noValidate aria-describedby={error ? alertId : undefined}>
      <p className="greeting" data-testid="activate-greeting">
        {format(m.activate.greeting, { name, employeeNumber })}
      </p>
      <p>{m.activate.intro}</p>
      <ErrorAlert code={error} id={alertId} testId="activate-error" />
      <TextField label={m.activate.password} hint={m.activate.passwordHint} type="password" value={password} onValueChange={setPassword} describedByExtra={error === 'password_too_short' || error === 'password_too_common' ? alertId : null} autoComplete="new-password" required minLength={8} maxLength={256} data-testid="activate-password" />
      <TextField label={m.activate.pin} hint={m.activate.pinHint} type="password" inputMode="numeric" pattern="[0-9]*" value={pin} onValueChange={setPin} error={pinError ? m.activate.pinInvalid : null} autoComplete="off" maxLength={8} data-testid="activate-pin" />
      <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy} data-testid="activate-submit">
        {busy ? m.common.sending : m.activate.submit}
      </button>
    </form>
  );
}
