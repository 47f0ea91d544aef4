import type { ElectionDetail } from '@kumiai/shared';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useMemberList } from '../members/index.ts';
import { setTrustees } from './commission-api.ts';
import { TrusteeProgressList } from './TrusteeProgressList.tsx';
import { useAction } from '../../ui/use-action.ts';

interface Props {
  detail: ElectionDetail;
  onChange: (next: ElectionDetail) => void;
}

/** Who holds the counting key: commission members and the threshold, in plain words; each trustee's progress. */
export function TrusteesSection({ detail, onChange }: Props) {
  const { m } = useI18n();
  const t = m.electionsCommission;
  const action = useAction();
  const list = useMemberList({}, 200);
  const commission = list.members.filter((x) => x.roles?.some((r) => r.role === 'election_commissioner'));
  const [picked, setPicked] = useState<string[]>(detail.trustees.map((x) => x.memberId));
  const [threshold, setThreshold] = useState(detail.threshold || 1);
  const started = detail.trustees.some((x) => x.step > 0);
  const editable = detail.state === 'draft' && !started;
  const n = picked.length;
  const k = Math.min(threshold, Math.max(n, 1));
  return (
    <section className="card stack" aria-labelledby="trustees-title" data-testid="trustees-section">
      <h2 id="trustees-title">{t.trusteesTitle}</h2>
      <p>{t.trusteesHint}</p>
      {editable ? (
        <>
          <fieldset className="check-list stack" data-testid="trustee-picker">
            <legend className="field-label">{t.trusteesPick}</legend>
            {commission.map((x) => (
              <label key={x.id} className="check-row">
                <input type="checkbox" checked={picked.includes(x.id)} onChange={(e) => setPicked((p) => (e.target.checked ? [...p.filter((y) => y !== x.id), x.id] : p.filter((y) => y !== x.id)))} />
                <span>
                  {x.name} ({x.employeeNumber})
                </span>
              </label>
            ))}
          </fieldset>
          <div className="field">
            <label className="field-label" htmlFor="trustee-threshold">
              {t.thresholdN}
            </label>
            <input id="trustee-threshold" className="text-input election-number-input" type="number" min={1} max={Math.max(n, 1)} value={threshold} onChange={(e) => setThreshold(Math.max(1, Number.parseInt(e.target.value, 10) || 1))} data-testid="trustee-threshold" />
          </div>
          {n > 0 ? <p className="election-rule">{format(t.thresholdSays, { n, k, k1: k - 1 })}</p> : null}
          <button type="button" className="button button-primary" disabled={action.busy || n === 0} onClick={() => void action.run(() => setTrustees(detail.id, { memberIds: picked, threshold: k })).then((d) => d && onChange(d))} data-testid="trustees-save">
            {t.saveTrustees}
          </button>
        </>
      ) : null}
      {detail.trustees.length > 0 ? (
        <>
          <p className="election-rule">{format(t.thresholdSays, { n: detail.trustees.length, k: detail.threshold, k1: detail.threshold - 1 })}</p>
          <TrusteeProgressList detail={detail} />
          <p role="status">{detail.keysReady ? t.keysReady : t.keysNotReady}</p>
        </>
      ) : null}
      {detail.you.trustee !== null ? (
        <Link to="/elections/$electionId/trustee" params={{ electionId: detail.id }} className="button" data-testid="trustee-link">
          {t.yourTrusteePage}
        </Link>
      ) : null}
      <ErrorAlert code={action.error} />
    </section>
  );
}
