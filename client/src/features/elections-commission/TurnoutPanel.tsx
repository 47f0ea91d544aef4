import type { Turnout } from '@kumiai/shared';
import { useEffect, useState } from 'react';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { fetchTurnout } from './commission-api.ts';

/** Live turnout by unit (counts only), asked again every 30 s and on "refresh". */
export function TurnoutPanel({ electionId }: { electionId: string }) {
  const { m } = useI18n();
  const t = m.electionsCommission;
  const [turnout, setTurnout] = useState<Turnout | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    fetchTurnout(electionId, controller.signal).then(setTurnout, () => undefined);
    const timer = window.setTimeout(() => setTick((x) => x + 1), 30_000);
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [electionId, tick]);
  return (
    <section className="stack" aria-labelledby="turnout-title" data-testid="turnout">
      <h3 id="turnout-title">{t.turnoutTitle}</h3>
      {turnout ? (
        <>
          <p role="status" data-testid="turnout-summary">
            {format(t.turnoutSays, { e: turnout.electorate, o: turnout.votedOnline, p: turnout.votedPaper })}
          </p>
          <table className="election-table">
            <tbody>
              {turnout.byUnit.map((u) => (
                <tr key={u.unitId ?? 'other'}>
                  <th scope="row">{u.unitId ? u.unitPath.join(' › ') : t.unitOther}</th>
                  <td>
                    {u.voted} / {u.electorate}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      <button type="button" className="button" onClick={() => setTick((x) => x + 1)} data-testid="turnout-refresh">
        {t.refresh}
      </button>
    </section>
  );
}
