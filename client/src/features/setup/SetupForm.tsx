import { checkPassword } from '@kumiai/shared';
import { useId, useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import type { AnyErrorCode } from '../../i18n/types.ts';
import { TextField } from '../../ui/TextField.tsx';
import { completeSetup } from './setup-api.ts';
import { blockedStateFor, isPasswordProblem, type BlockedState } from './setup-errors.ts';

interface Props {
  token: string;
  onDone: () => void;
  onBlocked: (state: BlockedState, code: AnyErrorCode) => void;
}

type Field = 'unionName' | 'employeeNumber' | 'name' | 'password';
const fields: readonly Field[] = ['unionName', 'employeeNumber', 'name', 'password'];

export function SetupForm({ token, onDone, onBlocked }: Props) {
  const { m } = useI18n();
  const alertId = useId();
  const [values, setValues] = useState<Record<Field, string>>({ unionName: '', employeeNumber: '', name: '', password: '' });
  const [missing, setMissing] = useState<ReadonlySet<Field>>(new Set());
  const [errorCode, setErrorCode] = useState<AnyErrorCode | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const setField = (field: Field) => (value: string) => setValues((v) => ({ ...v, [field]: value }));

  async function submit(): Promise<void> {
    const empty = new Set(fields.filter((f) => values[f].trim() === ''));
    setMissing(empty);
    if (empty.size > 0) {
      setErrorCode('validation_failed');
      return;
    }
    // The same rule the server applies, checked here to save a round trip.
    const passwordProblem = checkPassword(values.password);
    if (passwordProblem) {
      setErrorCode(passwordProblem);
      return;
    }
    setSubmitting(true);
    setErrorCode(null);
    try {
      await completeSetup({ token, ...values, unionName: values.unionName.trim(), name: values.name.trim() });
      onDone();
    } catch (error) {
      const code: AnyErrorCode = error instanceof ApiError ? error.code : 'internal';
      const blocked = blockedStateFor(code);
      if (blocked) onBlocked(blocked, code);
      else setErrorCode(code);
    } finally {
      setSubmitting(false);
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (!submitting) void submit();
  }

  const required = (f: Field) => (missing.has(f) && values[f].trim() === '' ? m.setup.required : null);

  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-describedby={errorCode ? alertId : undefined}>
      <p>{m.setup.intro}</p>
      {errorCode ? (
        <div className="notice notice-error" role="alert" id={alertId} data-testid="setup-message" data-state="error" data-code={errorCode}>
          <p>{m.errors[errorCode]}</p>
        </div>
      ) : null}
      <TextField label={m.setup.unionName} value={values.unionName} onValueChange={setField('unionName')} error={required('unionName')} autoComplete="organization" required maxLength={100} data-testid="setup-union-name" />
      <TextField label={m.setup.employeeNumber} value={values.employeeNumber} onValueChange={setField('employeeNumber')} error={required('employeeNumber')} inputMode="text" autoComplete="username" autoCapitalize="off" spellCheck={false} required maxLength={32} data-testid="setup-employee-number" />
      <TextField label={m.setup.name} value={values.name} onValueChange={setField('name')} error={required('name')} autoComplete="name" required maxLength={100} data-testid="setup-name" />
      <TextField
        label={m.setup.password}
        hint={m.setup.passwordHint}
        type="password"
        value={values.password}
        onValueChange={setField('password')}
        error={required('password')}
        describedByExtra={isPasswordProblem(errorCode) ? alertId : null}
        autoComplete="new-password"
        required
        minLength={8}
        maxLength={256}
        data-testid="setup-password"
      />
      <button type="submit" className="button button-primary" disabled={submitting} aria-busy={submitting} data-testid="setup-submit">
        {submitting ? m.setup.submitting : m.setup.submit}
      </button>
    </form>
  );
}
