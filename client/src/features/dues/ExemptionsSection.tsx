import { useState } from 'react';
import { errorCode } from '../../api/client.ts';
import { useApiResource } from '../../api/use-api-resource.ts';
import { format } from '../../i18n/format.ts';
import type { AnyErrorCode } from '../../i18n/types.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { ApiState } from './ApiState.tsx';
import { duesApi } from './dues-api.ts';

/** A member's exemption periods (育休, 休職, strike credit …): listed, added, removed. */
export function ExemptionsSection({ memberId, mayManage }: { memberId: string; mayManage: boolean }) {
  const { m } = useI18n();
  const t = m.duesOfficer;
  const list = useApiResource((signal) => duesApi.exemptions(memberId, signal), [memberId]);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<AnyErrorCode | null>(null);
  const fail = (err: unknown) => setError(errorCode(err));
  return (
    <section className="stack" aria-labelledby="exemptions-title" data-testid="exemptions">
      <h2 id="exemptions-title">{t.exemptionsTitle}</h2>
      <ApiState resource={list} testId="exemptions" />
      {list.data && list.data.exemptions.length === 0 ? <p>{t.exemptionsEmpty}</p> : null}
      <ul className="row-list">
        {list.data?.exemptions.map((x) => (
          <li key={x.id} className="row-item row-with-action">
            <span className="dues-break">{format(t.exemption, x)}</span>
            {mayManage ? (
              <button type="button" className="button button-small" onClick={() => void duesApi.deleteExemption(x.id).then(list.reload, fail)}>
                {format(t.exemptionDelete, x)}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {mayManage ? (
        <form
          className="dues-form stack"
          aria-labelledby="exemption-add-title"
          onSubmit={(e) => {
            e.preventDefault();
            setError(null);
            duesApi.addExemption({ memberId, from, to, reason: reason.trim() }).then(() => {
              setReason('');
              list.reload();
            }, fail);
          }}
        >
          <h3 id="exemption-add-title">{t.exemptionAddTitle}</h3>
          <TextField label={t.exemptionFrom} type="date" value={from} onValueChange={setFrom} required />
          <TextField label={t.exemptionTo} type="date" value={to} onValueChange={setTo} required />
          <TextField label={t.exemptionReason} value={reason} onValueChange={setReason} required maxLength={200} />
          <button type="submit" className="button button-primary">
            {t.exemptionAdd}
          </button>
        </form>
      ) : null}
      <ErrorAlert code={error} testId="exemption-error" />
    </section>
  );
}
