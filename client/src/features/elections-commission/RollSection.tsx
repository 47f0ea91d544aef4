import type { ElectionDetail, RollEntry } from '@kumiai/shared';
import { useEffect, useState } from 'react';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { formatDateTime } from '../../ui/dates.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useSession } from '../auth/index.ts';
import { useMemberList } from '../members/index.ts';
import { changeRoll, fetchRoll, freezeRoll } from './commission-api.ts';
import { ReissueCredential } from './ReissueCredential.tsx';
import { useAction } from '../../ui/use-action.ts';

interface Props {
  detail: ElectionDetail;
  onChange: (next: ElectionDetail) => void;
}

/** 名簿確定 and the frozen roll: search, paging, remove/add a member, a delegate's weight, each with a reason. */
export function RollSection({ detail, onChange }: Props) {
  const { m, lang } = useI18n();
  const t = m.electionsCommission;
  const action = useAction();
  const [q, setQ] = useState('');
  const [entries, setEntries] = useState<RollEntry[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [total, setTotal] = useState(0);
  const [reason, setReason] = useState('');
  const [addQ, setAddQ] = useState('');
  const candidates = useMemberList({ q: addQ }, 10);
  const [weights, setWeights] = useState<Record<string, string>>({});
  const draft = detail.state === 'draft';
  const { me } = useSession();
  // Commission-member mode: only the authority's device can make a new credential.
  const authority = detail.credentialAuthority ?? null;
  const reissuable = detail.state === 'ready' && detail.phase !== 'after' && (authority === null || authority.memberId === me?.member.id);
  const frozen = detail.rollFrozenAt !== null;
  useEffect(() => {
    if (!frozen) return;
    const controller = new AbortController();
    fetchRoll(detail.id, q, null, controller.signal).then(
      (page) => {
        setEntries(page.entries);
        setCursor(page.nextCursor);
        setTotal(page.total);
      },
      () => undefined,
    );
    return () => controller.abort();
  }, [detail.id, detail.rollSize, detail.rollWeight, frozen, q]);
  const more = async () => {
    const page = await action.run(() => fetchRoll(detail.id, q, cursor));
    if (!page) return;
    setEntries((x) => [...x, ...page.entries]);
    setCursor(page.nextCursor);
  };
  const change = async (body: Parameters<typeof changeRoll>[1]) => {
    const next = await action.run(() => changeRoll(detail.id, { ...body, ...(reason ? { reason } : {}) }));
    if (next) onChange(next);
  };
  return (
    <section className="card stack" aria-labelledby="roll-title" data-testid="roll-section">
      <h2 id="roll-title">{t.rollTitle}</h2>
      {frozen ? (
        <p data-testid="roll-frozen">{format(t.frozenOn, { date: formatDateTime(detail.rollFrozenAt!, lang), n: detail.rollSize, w: detail.rollWeight })}</p>
      ) : (
        <>
          <p>{t.notFrozen}</p>
          <p className="field-hint">{t.freezeHint}</p>
          {draft ? (
            <button type="button" className="button button-primary" disabled={action.busy} onClick={() => void action.run(() => freezeRoll(detail.id)).then((d) => d && onChange(d))} data-testid="roll-freeze">
              {t.freeze}
            </button>
          ) : null}
        </>
      )}
      {frozen ? (
        <>
          <TextField label={t.rollSearch} type="search" value={q} onValueChange={setQ} data-testid="roll-search" />
          <p className="muted" role="status">
            {format(t.rollTotal, { n: total })}
          </p>
          {draft ? <TextField label={t.reason} value={reason} onValueChange={setReason} maxLength={500} /> : null}
          <ul className="row-list" data-testid="roll-list">
            {entries.map((e) => (
              <li key={e.memberId} className="stack election-wrap" data-testid="roll-entry">
                <span>
                  {e.name} ({e.employeeNumber}) · {format(t.weightN, { n: e.weight })}
                </span>
                <span className="muted">{e.unitPath.join(' › ')}</span>
                {draft ? (
                  <span className="button-row">
                    <button type="button" className="button" disabled={action.busy} onClick={() => void change({ remove: [e.memberId] })}>
                      {format(t.removeFromRoll, { name: e.name })}
                    </button>
                    <input
                      className="text-input election-number-input"
                      type="number"
                      min={1}
                      max={1000}
                      aria-label={`${t.weight}: ${e.name}`}
                      value={weights[e.memberId] ?? String(e.weight)}
                      onChange={(ev) => setWeights((w) => ({ ...w, [e.memberId]: ev.target.value }))}
                    />
                    <button type="button" className="button" disabled={action.busy} onClick={() => void change({ weights: [{ memberId: e.memberId, weight: Math.max(1, Number.parseInt(weights[e.memberId] ?? '1', 10) || 1) }] })}>
                      {t.setWeight}
                    </button>
                  </span>
                ) : null}
                {reissuable ? <ReissueCredential detail={detail} entry={e} onChange={onChange} /> : null}
              </li>
            ))}
          </ul>
          {cursor ? (
            <button type="button" className="button" onClick={() => void more()}>
              {t.more}
            </button>
          ) : null}
          {draft ? (
            <div className="stack">
              <TextField label={t.addToRoll} type="search" value={addQ} onValueChange={setAddQ} maxLength={100} data-testid="roll-add-search" />
              {addQ.trim() !== '' ? (
                <ul className="row-list">
                  {candidates.members.map((x) => (
                    <li key={x.id}>
                      <button type="button" className="button" disabled={action.busy} onClick={() => void change({ add: [x.id] })}>
                        {format(t.addMember, { name: `${x.name} (${x.employeeNumber})` })}
                      </button>
                    </li>
                  ))}
                </ul>
              ) : null}
            </div>
          ) : null}
        </>
      ) : null}
      <ErrorAlert code={action.error} />
    </section>
  );
}
