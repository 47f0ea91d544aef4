import '../../ui/content.css';
import { Link } from '@tanstack/react-router';
import { useApiResource } from '../../api/use-api-resource.ts';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { fetchReadRate } from './notices-api.ts';
import { NoticeRemind } from './NoticeRemind.tsx';
import { useNotice } from './use-notices.ts';

function pct(read: number, total: number): string {
  return total === 0 ? '0%' : `${Math.round((read / total) * 100)}%`;
}

/** Who has read a notice, computed on the server: totals, per unit, and the members who have not. */
export function ReadRatePage({ noticeId }: { noticeId: string }) {
  const { m } = useI18n();
  useDocumentTitle(m.notices.readRateTitle);
  const notice = useNotice(noticeId);
  const { data: rate, error, reload } = useApiResource((signal) => fetchReadRate(noticeId, signal), [noticeId]);
  const unitName = new Map(rate?.units.map((u) => [u.unitId, u.unitName]) ?? []);
  return (
    <section className="card stack" aria-labelledby="read-rate-title" data-testid="read-rate">
      <h1 id="read-rate-title">{m.notices.readRateTitle}</h1>
      {notice ? <p className="notice-subtitle">{notice.title}</p> : null}
      <ErrorAlert code={error} testId="read-rate-error" />
      {rate ? (
        <>
          <p className="read-total" data-testid="read-rate-total" data-read={rate.read} data-total={rate.total}>
            {format(m.notices.readTotal, { read: rate.read, total: rate.total, pct: pct(rate.read, rate.total) })}
          </p>
          <h2>{m.notices.perUnit}</h2>
          <div className="table-wrap">
            <table className="report-table">
              <thead>
                <tr>
                  <th scope="col">{m.notices.unitColumn}</th>
                  <th scope="col">{m.notices.readColumn}</th>
                  <th scope="col">{m.notices.rateColumn}</th>
                </tr>
              </thead>
              <tbody>
                {rate.units.map((u) => (
                  <tr key={u.unitId} data-testid="read-rate-unit">
                    <th scope="row">{u.unitName}</th>
                    <td>
                      {u.read} / {u.total}
                    </td>
                    <td>{pct(u.read, u.total)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h2>{m.notices.unreadTitle}</h2>
          {rate.unread.length === 0 ? (
            <p data-testid="read-rate-none-unread">{m.notices.noneUnread}</p>
          ) : (
            <ul className="plain-list" data-testid="read-rate-unread">
              {rate.unread.map((u) => (
                <li key={u.memberId}>
                  {u.name}({u.employeeNumber}){unitName.get(u.unitId) ? ` · ${unitName.get(u.unitId) ?? ''}` : ''}
                </li>
              ))}
            </ul>
          )}
        </>
      ) : !error ? (
        <p className="muted" role="status">
          {m.app.loading}
        </p>
      ) : null}
      <NoticeRemind noticeId={noticeId} />
      <p className="button-row">
        <button type="button" className="button" onClick={reload} data-testid="read-rate-refresh">
          {m.notices.refresh}
        </button>
        <Link to="/notices/$noticeId" params={{ noticeId }} className="text-link">
          {notice?.title ?? m.notices.backToFeed}
        </Link>
      </p>
    </section>
  );
}
