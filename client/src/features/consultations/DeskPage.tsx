import './consultations.css';
import type { DeskCase } from '@kumiai/shared';
import { useState } from 'react';
import { useApiResource } from '../../api/use-api-resource.ts';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { formatDate } from '../../ui/dates.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { AssignForm } from './AssignForm.tsx';
import { fetchDesk } from './consultations-api.ts';

/** /consultations/desk: the cases of the desks the officer leads (never their content), and assigning officers to them (online). */
export function DeskPage() {
  const { m, lang } = useI18n();
  const t = m.consultationsOfficer;
  const desk = useApiResource(fetchDesk, []);
  const [open, setOpen] = useState<string | null>(null);
  const [assigned, setAssigned] = useState<string | null>(null);
  useDocumentTitle(t.deskTitle);
  const cases = desk.data?.cases ?? null;
  const replace = (updated: DeskCase) => {
    if (desk.data) desk.setData({ cases: desk.data.cases.map((c) => (c.id === updated.id ? updated : c)) });
    setOpen(null);
    setAssigned(updated.id);
  };
  return (
    <section className="card stack" aria-labelledby="desk-title" data-testid="consultations-desk">
      <h1 id="desk-title">{t.deskTitle}</h1>
      <p>{t.deskIntro}</p>
      {desk.error ? (
        <div className="stack">
          <ErrorAlert code={desk.error} />
          <button type="button" className="button" onClick={desk.reload}>
            {t.retry}
          </button>
        </div>
      ) : null}
      {cases === null && !desk.error ? <p role="status">{t.loading}</p> : null}
      {cases?.length === 0 ? <p className="muted">{t.deskNone}</p> : null}
      {cases && cases.length > 0 ? (
        <ul className="row-list">
          {cases.map((c) => (
            <li key={c.id} className="row-item stack" data-testid="desk-case" data-case-id={c.id} data-needs-assignment={c.needsAssignment ? 'true' : 'false'}>
              <span className="row-title">{m.consultations.category[c.category]}</span>
              <span className="consultation-row-badges">
                <span className="badge">{m.consultations.status[c.status]}</span>
                <span className="badge">{t.deskLevel[c.deskLevel]}</span>
                {c.needsAssignment ? <span className="badge badge-strong">{t.needsAssignment}</span> : null}
              </span>
              <span className="muted">{format(t.openedOn, { date: formatDate(c.openedAt, lang) })}</span>
              <span data-testid="desk-case-assignees">{c.assignees.length > 0 ? format(t.assignees, { names: c.assignees.map((a) => a.name).join(lang === 'ja' ? '、' : ', ') }) : t.noAssignees}</span>
              {assigned === c.id ? (
                <p role="status" className="notice notice-success">
                  {t.assigned}
                </p>
              ) : null}
              {open === c.id ? (
                <AssignForm deskCase={c} onAssigned={replace} onCancel={() => setOpen(null)} />
              ) : (
                <button type="button" className="button" onClick={() => setOpen(c.id)} data-testid="desk-case-assign">
                  {t.assign}
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
