import '../../ui/content.css';
import './unread-list.css';
import { Link } from '@tanstack/react-router';
import { useApiResource } from '../../api/use-api-resource.ts';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { fetchUnreadByUnit } from './notices-api.ts';

/** The unread members of a notice by workplace, laid out to print for the delegates who speak to them. */
export function UnreadListPage({ noticeId }: { noticeId: string }) {
  const { m } = useI18n();
  const t = m.reminders;
  useDocumentTitle(t.listTitle);
  const { data, error } = useApiResource((signal) => fetchUnreadByUnit(noticeId, signal), [noticeId]);
  return (
    <section className="card stack unread-list" aria-labelledby="unread-list-title">
      <h1 id="unread-list-title">{t.listTitle}</h1>
      <ErrorAlert code={error} />
      {data ? (
        <>
          <p>{format(t.listIntro, { title: data.notice.title, total: data.total, unread: data.unread })}</p>
          {data.units.length === 0 ? <p>{t.listEmpty}</p> : null}
          {data.units.map((unit) => (
            <section key={unit.unitId} className="unread-unit stack" aria-labelledby={`unread-unit-${unit.unitId}`}>
              <h2 id={`unread-unit-${unit.unitId}`}>
                {unit.unitPath.join(' › ')} <span className="muted">({format(t.countInUnit, { n: unit.members.length })})</span>
              </h2>
              <div className="table-wrap">
                <table className="report-table">
                  <thead>
                    <tr>
                      <th scope="col">{t.nameColumn}</th>
                      <th scope="col">{t.numberColumn}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {unit.members.map((member) => (
                      <tr key={member.memberId}>
                        <th scope="row">{member.name}</th>
                        <td>{member.employeeNumber}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          ))}
          <p className="button-row no-print">
            <button type="button" className="button button-primary" onClick={() => window.print()}>
              {t.print}
            </button>
            <Link to="/notices/$noticeId/read-rate" params={{ noticeId }} className="text-link">
              {t.back}
            </Link>
          </p>
        </>
      ) : !error ? (
        <p className="muted" role="status">
          {m.app.loading}
        </p>
      ) : null}
    </section>
  );
}
