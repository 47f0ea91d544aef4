import type { ApplicationSummary } from '@kumiai/shared';
import { Link } from '@tanstack/react-router';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { formatDateTime } from '../../ui/dates.ts';
import { ApplicationStateText } from './ApplicationStateText.tsx';

/** One application in the inbox: applicant, form, unit, state and step, when submitted; marked when it is the viewer's turn. */
export function ApplicationRow({ item }: { item: ApplicationSummary }) {
  const { m, lang } = useI18n();
  const t = m.formsOfficer;
  return (
    <li>
      <Link to="/approvals/$id" params={{ id: item.id }} className="row-link" data-testid={`application-row-${item.id}`} data-state={item.state} data-step={item.step} data-may-act={item.mayAct}>
        <span className="row-title">
          {item.memberName}({item.employeeNumber})
        </span>
        <span>{item.formTitle}</span>
        <span className="muted">
          {item.unitName} · <ApplicationStateText state={item.state} step={item.step} steps={item.steps} /> ·{' '}
          {item.submittedAt === null ? t.notSubmitted : format(t.submittedAt, { date: formatDateTime(item.submittedAt, lang) })}
        </span>
        {item.mayAct ? <strong>{t.yourTurn}</strong> : null}
      </Link>
    </li>
  );
}
