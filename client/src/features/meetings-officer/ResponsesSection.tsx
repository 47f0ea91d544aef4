import type { MeetingDetail, ResponsesPage } from '@kumiai/shared';
import { useEffect, useState } from 'react';
import { errorCode } from '../../api/client.ts';
import { format } from '../../i18n/format.ts';
import type { AnyErrorCode } from '../../i18n/types.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useAction } from '../../ui/use-action.ts';
import { useUnitDocs } from '../../ui/use-publish-scope.ts';
import { fetchResponses, remindInvitees } from './officer-api.ts';

/** Replies per unit, who has not replied (100 a page), and a reminder to them (POST /remind, before the start). */
export function ResponsesSection({ detail }: { detail: MeetingDetail }) {
  const { m } = useI18n();
  const t = m.meetingsOfficer;
  const units = useUnitDocs();
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const [page, setPage] = useState<ResponsesPage | null>(null);
  const [error, setError] = useState<AnyErrorCode | null>(null);
  const [tick, setTick] = useState(0);
  const remind = useAction();
  const more = useAction();
  const [reminded, setReminded] = useState<number | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    fetchResponses(detail.id, null, null, controller.signal).then(setPage, (e: unknown) => controller.signal.aborted || setError(errorCode(e)));
    return () => controller.abort();
  }, [detail.id, tick]);
  const loadMore = () =>
    void more.run(async () => {
      if (!page?.next) return;
      const next = await fetchResponses(detail.id, page.next, null);
      setPage({ ...next, members: [...page.members, ...next.members] });
    });
  return (
    <section className="card stack" aria-labelledby="responses-title" data-testid="meeting-responses">
      <h2 id="responses-title">{t.responses}</h2>
      <ErrorAlert code={error} />
      {page ? (
        <>
          <h3>{t.perUnit}</h3>
          <ul className="row-list" data-testid="responses-per-unit">
            {page.perUnit.map((u) => (
              <li key={u.unitId} className="stack meeting-wrap" data-testid="responses-unit" data-unit-id={u.unitId}>
                <strong>{unitName.get(u.unitId) ?? u.unitId}</strong>
                <span>{format(t.unitSays, { ...u })}</span>
              </li>
            ))}
          </ul>
          <h3>{t.notAnswered}</h3>
          {page.members.length === 0 ? (
            <p>{t.everyoneAnswered}</p>
          ) : (
            <ul className="plain-list" data-testid="responses-missing">
              {page.members.map((x) => (
                <li key={x.memberId} className="meeting-wrap">
                  {x.name}
                  {unitName.get(x.unitId) ? ` · ${unitName.get(x.unitId) ?? ''}` : ''}
                </li>
              ))}
            </ul>
          )}
          {page.next ? (
            <button type="button" className="button" disabled={more.busy} onClick={loadMore} data-testid="responses-more">
              {t.more}
            </button>
          ) : null}
          <ErrorAlert code={more.error} />
        </>
      ) : error ? null : (
        <p role="status">{m.app.loading}</p>
      )}
      {!detail.cancelled && page && page.members.length > 0 ? (
        <p>
          <button
            type="button"
            className="button"
            disabled={remind.busy}
            onClick={() =>
              void remind.run(async () => {
                setReminded((await remindInvitees(detail.id)).reminded);
                setTick((x) => x + 1);
              })
            }
            data-testid="meeting-remind"
          >
            {t.remind}
          </button>
        </p>
      ) : null}
      {reminded !== null ? (
        <p role="status" data-testid="meeting-reminded">
          {format(t.reminded, { n: reminded })}
        </p>
      ) : null}
      <ErrorAlert code={remind.error} testId="meeting-remind-error" />
    </section>
  );
}
