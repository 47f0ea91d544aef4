import './forms-officer.css';
import { Link } from '@tanstack/react-router';
import { useApiResource } from '../../api/use-api-resource.ts';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { formatDateTime } from '../../ui/dates.ts';
import { ApplicationActions } from './ApplicationActions.tsx';
import { ApplicationAnswers } from './ApplicationAnswers.tsx';
import { ApplicationHistory } from './ApplicationHistory.tsx';
import { ApplicationStateText } from './ApplicationStateText.tsx';
import { ApprovalChainView } from './ApprovalChainView.tsx';
import { fetchApplication } from './forms-officer-api.ts';

/** One application for its approvers: who applied for what, the answers and files, the chain, the history, and the actions allowed now. */
export function ApplicationDetailPage({ id }: { id: string }) {
  const { m, lang } = useI18n();
  const t = m.formsOfficer;
  useDocumentTitle(t.detailTitle);
  const { data: detail, error, reload, setData: setDetail } = useApiResource((signal) => fetchApplication(id, signal), [id]);
  return (
    <section className="card stack" aria-labelledby="application-title" data-testid="application-detail">
      <h1 id="application-title">{t.detailTitle}</h1>
      <ErrorAlert code={error} testId="application-error" />
      {detail ? (
        <>
          <dl className="facts">
            <dt>{t.applicant}</dt>
            <dd data-testid="application-applicant">{format(t.applicantLine, { name: detail.memberName, employeeNumber: detail.employeeNumber })}</dd>
            <dt>{t.formTitle}</dt>
            <dd>{detail.formTitle}</dd>
            <dt>{t.unit}</dt>
            <dd>{detail.unitName}</dd>
            <dt>{t.state}</dt>
            <dd>
              <ApplicationStateText state={detail.state} step={detail.step} steps={detail.steps} testId="application-state" />
            </dd>
            <dt>{t.submittedAtLabel}</dt>
            <dd>{detail.submittedAt === null ? t.notSubmitted : formatDateTime(detail.submittedAt, lang)}</dd>
          </dl>
          <ApplicationAnswers detail={detail} />
          <ApprovalChainView detail={detail} />
          <ApplicationHistory history={detail.history} />
          <ApplicationActions detail={detail} onChanged={setDetail} onStale={reload} />
        </>
      ) : !error ? (
        <p className="muted" role="status">
          {m.app.loading}
        </p>
      ) : null}
      <p>
        <Link to="/approvals" className="text-link" data-testid="application-back">
          {t.backToInbox}
        </Link>
      </p>
    </section>
  );
}
