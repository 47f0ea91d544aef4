import './forms.css';
import { formOpen, surveySubmissionId, type FormDoc, type SubmissionDoc } from '@kumiai/shared';
import { Link } from '@tanstack/react-router';
import { useEffect } from 'react';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { pickText } from '../../ui/content-language.ts';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { formatDateTime } from '../../ui/dates.ts';
import { useSession } from '../auth/index.ts';
import { TabSections } from '../shell/index.ts';
import { outboxFor, pruneOutbox, referencedFiles } from './outbox.ts';
import { StatusChip } from './StatusChip.tsx';
import { useForms, useMySubmissions, usePendingSubmissionIds } from './use-forms.ts';
import { useNow } from './use-now.ts';

/** A form's title as the reader reads it (its English for a reader in English, when it has one). */
function FormTitle({ form }: { form: FormDoc }) {
  const { lang } = useI18n();
  const title = pickText(form.title, form.titleEn, lang);
  return (
    <span className="row-title" lang={title.lang}>
      {title.text}
    </span>
  );
}

/** Open surveys soonest deadline first (none last), then by title. */
function byDeadline(a: FormDoc, b: FormDoc): number {
  return (a.closesAt ?? Infinity) - (b.closesAt ?? Infinity) || a.title.localeCompare(b.title);
}

/** /forms: open surveys with their deadline, application forms to start, and the member's own applications and answers. */
export function FormsPage() {
  const { m, lang } = useI18n();
  useDocumentTitle(m.forms.title);
  const { me } = useSession();
  const forms = useForms();
  const mine = useMySubmissions();
  const pending = usePendingSubmissionIds();
  const now = useNow();
  const memberId = me?.member.id ?? null;
  useEffect(() => {
    // Housekeeping while the list is open: uploaded files nothing on the device refers to any more.
    if (!memberId || !mine) return;
    void pruneOutbox(outboxFor(memberId), new Set(referencedFiles(mine))).catch(() => undefined);
  }, [memberId, mine]);
  if (!me) return null;
  if (forms === undefined || mine === undefined) {
    return (
      <p className="card muted" role="status">
        {m.app.loading}
      </p>
    );
  }
  const byId = new Map(forms.map((f) => [f.id, f]));
  const answered = new Set(mine.map((s) => s.id));
  const surveys = forms.filter((f) => f.kind === 'survey' && formOpen(f, now)).sort(byDeadline);
  const applications = forms.filter((f) => f.kind === 'application' && formOpen(f, now)).sort((a, b) => a.title.localeCompare(b.title));

  return (
    <section className="card stack" aria-labelledby="forms-title" data-testid="forms-list">
      <h1 id="forms-title">{m.forms.title}</h1>
      <TabSections tab="procedures" />

      <section className="stack" aria-labelledby="forms-surveys-title" data-testid="forms-surveys">
        <h2 id="forms-surveys-title">{m.forms.openSurveys}</h2>
        {surveys.length === 0 ? <p className="muted">{m.forms.noOpenSurveys}</p> : null}
        <ul className="row-list">
          {surveys.map((f) => (
            <li key={f.id}>
              <Link to="/forms/$formId" params={{ formId: f.id }} className="row-link" data-testid="form-item" data-form-id={f.id}>
                <FormTitle form={f} />
                <span className="notice-badges">
                  <span className="badge">{f.anonymous ? m.forms.anonymous : m.forms.named}</span>
                  {answered.has(surveySubmissionId(f.id, me.member.id)) ? <span className="badge badge-strong">{m.forms.status.answered}</span> : null}
                </span>
                <span className="muted">{f.closesAt !== null ? format(m.forms.deadline, { date: formatDateTime(f.closesAt, lang) }) : m.forms.noDeadline}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <section className="stack" aria-labelledby="forms-applications-title" data-testid="forms-applications">
        <h2 id="forms-applications-title">{m.forms.applicationForms}</h2>
        {applications.length === 0 ? <p className="muted">{m.forms.noApplicationForms}</p> : null}
        <ul className="row-list">
          {applications.map((f) => (
            <li key={f.id}>
              <Link to="/forms/$formId" params={{ formId: f.id }} className="row-link" data-testid="form-item" data-form-id={f.id}>
                <FormTitle form={f} />
                {f.closesAt !== null ? <span className="muted">{format(m.forms.deadline, { date: formatDateTime(f.closesAt, lang) })}</span> : null}
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <section className="stack" aria-labelledby="forms-mine-title" data-testid="forms-mine">
        <h2 id="forms-mine-title">{m.forms.mine}</h2>
        {mine.length === 0 ? <p className="muted">{m.forms.noMine}</p> : null}
        <ul className="row-list">
          {mine.map((s) => (
            <li key={s.id}>
              <MineRow sub={s} form={byId.get(s.formId)} pending={pending.has(s.id)} />
            </li>
          ))}
        </ul>
      </section>
    </section>
  );
}

function MineRow({ sub, form, pending }: { sub: SubmissionDoc; form: FormDoc | undefined; pending: boolean }) {
  const { m, lang } = useI18n();
  const inner = (
    <>
      {form ? <FormTitle form={form} /> : <span className="row-title">{m.forms.kind[sub.kind]}</span>}
      <StatusChip sub={sub} pending={pending} />
      <span className="muted">{formatDateTime(sub.submittedAt ?? sub.updatedAt, lang)}</span>
    </>
  );
  // A survey answer opens its survey (which says what was answered, or only that it was, when anonymous).
  return sub.kind === 'survey' ? (
    <Link to="/forms/$formId" params={{ formId: sub.formId }} className="row-link" data-testid="submission-item" data-submission-id={sub.id}>
      {inner}
    </Link>
  ) : (
    <Link to="/submissions/$submissionId" params={{ submissionId: sub.id }} className="row-link" data-testid="submission-item" data-submission-id={sub.id}>
      {inner}
    </Link>
  );
}
