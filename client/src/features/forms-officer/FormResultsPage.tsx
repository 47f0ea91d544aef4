import './forms-officer.css';
import { formOpen } from '@kumiai/shared';
import { Link } from '@tanstack/react-router';
import { useApiResource } from '../../api/use-api-resource.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { RemindButton } from '../push/index.ts';
import { useNow } from '../forms/index.ts';
import { useFormDoc } from '../forms/index.ts';
import { FieldResultView } from './FieldResultView.tsx';
import { exportCsvUrl, fetchFormResults, remindSurvey } from './forms-officer-api.ts';
import { ResponseRate } from './ResponseRate.tsx';

/** A form's response rate and results, computed on the server (GET /api/forms/:id/results), with the CSV export. */
export function FormResultsPage({ formId }: { formId: string }) {
  const { m } = useI18n();
  const t = m.formsOfficer;
  useDocumentTitle(t.resultsTitle);
  const form = useFormDoc(formId);
  const now = useNow();
  const { data: results, error, reload } = useApiResource((signal) => fetchFormResults(formId, signal), [formId]);
  const fieldById = new Map(results?.fields.map((f) => [f.id, f]) ?? []);
  return (
    <section className="card stack" aria-labelledby="form-results-title" data-testid="form-results">
      <h1 id="form-results-title">{t.resultsTitle}</h1>
      {form ? <p className="greeting">{form.title}</p> : null}
      <ErrorAlert code={error} testId="form-results-error" />
      {results ? (
        <>
          {results.anonymous ? <p className="notice notice-warning">{t.anonymousNote}</p> : null}
          <ResponseRate results={results} />
          {results.kind === 'survey' && form && formOpen(form, now) && results.answered < results.audienceSize ? <RemindButton send={() => remindSurvey(formId)} label={t.remind} sentText={t.reminded} hint={t.remindHint} testId="form-results-remind" /> : null}
          {results.results === null ? (
            <div className="notice notice-warning" role="status" data-testid="form-results-withheld">
              <p>{m.errors.results_withheld}</p>
            </div>
          ) : (
            <section className="stack" aria-labelledby="field-results-title">
              <h2 id="field-results-title">{t.fieldsTitle}</h2>
              {results.results.map((result, i) => (
                <FieldResultView key={result.field} result={result} field={fieldById.get(result.field)} index={i} />
              ))}
            </section>
          )}
          {results.results === null ? null : (
            <div className="stack">
              <a href={exportCsvUrl(formId)} download className="button" data-testid="form-results-csv">
                {t.downloadCsv}
              </a>
              <p className="field-hint">{t.csvHint}</p>
            </div>
          )}
        </>
      ) : !error ? (
        <p className="muted" role="status">
          {m.app.loading}
        </p>
      ) : null}
      <p className="button-row">
        <button type="button" className="button" onClick={reload} data-testid="form-results-refresh">
          {t.refresh}
        </button>
        <Link to="/forms/manage" className="text-link">
          {t.backToManage}
        </Link>
      </p>
    </section>
  );
}
