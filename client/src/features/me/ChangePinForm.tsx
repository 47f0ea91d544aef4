import { useId, useState } from 'react';
import { useI18n } from '../../i18n/use-i18n.ts';
import { TextField } from '../../ui/TextField.tsx';
import { useAction } from '../../ui/use-action.ts';
import { changePin, failureOf, PIN_PATTERN, type Failure } from './credentials-api.ts';
import { CredentialError } from './CredentialError.tsx';

/** マイページ: the member sets or changes the PIN they use on a workplace kiosk (4–8 digits). */
export function ChangePinForm() {
  const { m } = useI18n();
  const t = m.credentials;
  const alertId = useId();
  const [current, setCurrent] = useState('');
  const [pin, setPin] = useState('');
  const [pinBad, setPinBad] = useState(false);
  const [done, setDone] = useState(false);
  const { busy, error: failure, setError: setFailure, onSubmit } = useAction<Failure>(failureOf);

  const submit = onSubmit(async () => {
    setDone(false);
    const typed = pin.normalize('NFKC');
    setPinBad(!PIN_PATTERN.test(typed));
    if (!PIN_PATTERN.test(typed)) return;
    if (current === '') {
      setFailure({ code: 'validation_failed', retryAfterSeconds: null });
      return;
    }
    await changePin(current, typed);
    setDone(true);
    setCurrent('');
    setPin('');
  });

  return (
    <form className="stack" onSubmit={submit} noValidate aria-labelledby={`${alertId}-title`}>
      <h2 id={`${alertId}-title`}>{t.pinTitle}</h2>
      <p>{t.pinIntro}</p>
      <CredentialError failure={failure} id={alertId} />
      {done ? (
        <p className="notice notice-success" role="status">
          {t.pinChanged}
        </p>
      ) : null}
      <TextField label={t.currentPassword} type="password" value={current} onValueChange={setCurrent} describedByExtra={failure?.code === 'current_password_wrong' ? alertId : null} autoComplete="current-password" required maxLength={256} />
      <TextField label={t.newPin} type="password" inputMode="numeric" pattern="[0-9]*" value={pin} onValueChange={setPin} error={pinBad ? t.pinInvalid : null} autoComplete="off" required maxLength={8} />
      <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy}>
        {busy ? m.common.sending : t.changePin}
      </button>
    </form>
  );
}
