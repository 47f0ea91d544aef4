import { useId, useState } from 'react';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { TextField } from '../../ui/TextField.tsx';
import { useAction } from '../../ui/use-action.ts';
import { changePassword, failureOf, type Failure } from './credentials-api.ts';
import { CredentialError } from './CredentialError.tsx';

/** マイページ: the member changes their password, and may sign out their other devices (ticked by default). */
export function ChangePasswordForm() {
  const { m } = useI18n();
  const t = m.credentials;
  const alertId = useId();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [endOthers, setEndOthers] = useState(true);
  const [ended, setEnded] = useState<number | null>(null);
  const { busy, error: failure, setError: setFailure, onSubmit } = useAction<Failure>(failureOf);

  const submit = onSubmit(async () => {
    setEnded(null);
    if (current === '' || next === '') {
      setFailure({ code: 'validation_failed', retryAfterSeconds: null });
      return;
    }
    const answer = await changePassword(current, next, endOthers);
    setEnded(answer.endedSessions);
    setCurrent('');
    setNext('');
  });

  const code = failure?.code;
  return (
    <form className="stack" onSubmit={submit} noValidate aria-labelledby={`${alertId}-title`}>
      <h2 id={`${alertId}-title`}>{t.passwordTitle}</h2>
      <CredentialError failure={failure} id={alertId} />
      {ended !== null ? (
        <div className="notice notice-success" role="status">
          <p>{t.passwordChanged}</p>
          <p>{ended === 0 ? t.endedNone : format(t.endedSome, { n: ended })}</p>
        </div>
      ) : null}
      <TextField label={t.currentPassword} type="password" value={current} onValueChange={setCurrent} describedByExtra={code === 'current_password_wrong' ? alertId : null} autoComplete="current-password" required maxLength={256} />
      <TextField label={t.newPassword} hint={t.newPasswordHint} type="password" value={next} onValueChange={setNext} describedByExtra={code === 'password_too_short' || code === 'password_too_common' ? alertId : null} autoComplete="new-password" required minLength={8} maxLength={256} />
      <div className="field">
        <label className="check-row">
          <input type="checkbox" checked={endOthers} onChange={(e) => setEndOthers(e.target.checked)} aria-describedby={`${alertId}-others`} />
          <span>{t.endOthers}</span>
        </label>
        <p className="field-hint" id={`${alertId}-others`}>
          {t.endOthersHint}
        </p>
      </div>
      <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy}>
        {busy ? m.common.sending : t.changePassword}
      </button>
    </form>
  );
}
