import { useId, useState, type FormEvent } from 'react';
import { errorCode } from '../../api/client.ts';
import { format } from '../../i18n/format.ts';
import type { AnyErrorCode } from '../../i18n/types.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { auditActionCodes } from './action-messages.ts';
import { memberByEmployeeNumber, noFilter, type AuditFilter } from './audit-api.ts';

/** Who (by employee number), what kind of action, and which days; applied with a button. */
export function AuditFilters({ onApply }: { onApply: (filter: AuditFilter) => void }) {
  const { m } = useI18n();
  const t = m.audit;
  const actionId = useId();
  const [number, setNumber] = useState('');
  const [action, setAction] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [notFound, setNotFound] = useState<string | null>(null);
  const [error, setError] = useState<AnyErrorCode | null>(null);

  async function apply(): Promise<void> {
    setNotFound(null);
    setError(null);
    let actor = '';
    if (number.trim() !== '') {
      try {
        const member = await memberByEmployeeNumber(number);
        if (!member) {
          setNotFound(number.trim());
          return;
        }
        actor = member.id;
      } catch (e) {
        setError(errorCode(e));
        return;
      }
    }
    onApply({ actor, action, from, to });
  }

  function onSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    void apply();
  }

  function clear(): void {
    setNumber('');
    setAction('');
    setFrom('');
    setTo('');
    setNotFound(null);
    onApply(noFilter);
  }

  const sorted = [...auditActionCodes].sort((a, b) => m.auditActions[a].localeCompare(m.auditActions[b]));
  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-labelledby={`${actionId}-title`}>
      <h2 id={`${actionId}-title`}>{t.filters}</h2>
      <ErrorAlert code={error} />
      <TextField label={t.actor} hint={t.actorHint} value={number} onValueChange={setNumber} error={notFound ? format(t.actorNotFound, { number: notFound }) : null} inputMode="numeric" autoComplete="off" maxLength={32} />
      <div className="field">
        <label className="field-label" htmlFor={actionId}>
          {t.action}
        </label>
        <select id={actionId} className="text-input" value={action} onChange={(e) => setAction(e.target.value)}>
          <option value="">{t.anyAction}</option>
          {sorted.map((code) => (
            <option key={code} value={code}>
              {m.auditActions[code]}
            </option>
          ))}
        </select>
      </div>
      <TextField label={t.from} type="date" value={from} onValueChange={setFrom} />
      <TextField label={t.to} type="date" value={to} onValueChange={setTo} />
      <p className="button-row">
        <button type="submit" className="button button-primary">
          {t.apply}
        </button>
        <button type="button" className="button" onClick={clear}>
          {t.clear}
        </button>
      </p>
    </form>
  );
}
