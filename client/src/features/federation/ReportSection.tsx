import { useState } from 'react';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { formatDateTime } from '../../ui/dates.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useAction } from '../../ui/use-action.ts';
import { useFetched } from '../../ui/use-fetched.ts';
import { fetchReportPreview, fetchSentReports, sendReport } from './federation-api.ts';
import { FiguresTable } from './FiguresTable.tsx';
import { useKept } from './use-kept.ts';

/** Upward: exactly what the next report sends (the server's own payload), send it, and the log of what was sent. */
export function ReportSection({ titles, version, onChanged }: { titles: ReadonlyMap<string, string>; version: number; onChanged: () => void }) {
  const { m, lang } = useI18n();
  const t = m.federation;
  const preview = useKept(useFetched((signal) => fetchReportPreview(signal), [version]));
  const sent = useKept(useFetched((signal) => fetchSentReports(signal), [version]));
  const [queued, setQueued] = useState(false);
  const { busy, error, run } = useAction();
  return (
    <section className="card stack" aria-labelledby="fed-report-title" data-testid="federation-report">
      <h2 id="fed-report-title">{t.reportTitle}</h2>
      <p>{t.reportIntro}</p>
      <p className="notice notice-warning">{t.noNames}</p>
      {preview.state === 'loading' ? (
        <p className="muted" role="status">
          {m.app.loading}
        </p>
      ) : preview.state === 'failed' ? (
        <p className="notice notice-error">{t.loadFailed}</p>
      ) : (
        <FiguresTable figures={preview.value.figures} titles={titles} testId="federation-report-preview" />
      )}
      <ErrorAlert code={error} testId="federation-send-error" />
      {queued ? (
        <p className="notice notice-success" role="status" data-testid="federation-report-queued">
          {t.sentQueued}
        </p>
      ) : null}
      <p className="button-row">
        <button
          type="button"
          className="button button-primary"
          disabled={busy || preview.state !== 'done'}
          data-testid="federation-send-report"
          onClick={() =>
            void run(async () => {
              setQueued(false);
              await sendReport();
              setQueued(true);
              onChanged();
            })
          }
        >
          {t.send}
        </button>
      </p>
      <h3>{t.sentLog}</h3>
      {sent.state === 'done' ? (
        sent.value.reports.length === 0 ? (
          <p className="muted">{t.noSent}</p>
        ) : (
          <ul className="row-list" data-testid="federation-sent-reports">
            {sent.value.reports.map((r) => (
              <li key={r.reportId} className="row-item" data-testid="federation-sent-report" data-delivered={r.deliveredAt ? 'true' : 'false'}>
                <span>{format(t.sentAt, { date: formatDateTime(r.at, lang) })}</span>
                <span className="muted">{r.deliveredAt ? format(t.deliveredAt, { date: formatDateTime(r.deliveredAt, lang) }) : t.notDelivered}</span>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </section>
  );
}
