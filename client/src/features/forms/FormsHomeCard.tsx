import './forms.css';
import type { FormDoc, SubmissionDoc } from '@kumiai/shared';
import type { ReactNode } from 'react';
import { Link } from '@tanstack/react-router';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { formatDate } from '../../ui/dates.ts';
import { FormsLink } from './FormsLink.tsx';
import { StatusChip } from './StatusChip.tsx';
import { useAskedOfMe } from './use-asked-of-me.ts';
import { useForms, usePendingSubmissionIds } from './use-forms.ts';

/**
 * Member home: what the forms ask of the member, each row saying why it is there: applications
 * sent back (first), open surveys not answered and application forms with a deadline ("締切 12/5"),
 * then the state of their own applications under way.
 */
export function FormsHomeCard() {
  const { m } = useI18n();
  const t = m.formsHome;
  const asked = useAskedOfMe();
  const forms = useForms();
  const pending = usePendingSubmissionIds();
  const byId = new Map((forms ?? []).map((f) => [f.id, f]));
  const empty = asked !== undefined && asked.returned.length + asked.surveys.length + asked.applicationForms.length + asked.mine.length === 0;
  return (
    <section className="stack" aria-labelledby="asked-title">
      <h2 id="asked-title">{t.title}</h2>
      {asked === undefined ? (
        <p className="muted" role="status">
          {m.app.loading}
        </p>
      ) : empty ? (
        <p className="muted">{t.none}</p>
      ) : (
        <ul className="row-list">
          {asked.returned.map((s) => (
            <SubmissionRow key={s.id} sub={s} form={byId.get(s.formId)} reason={<span className="badge badge-strong">{t.returned}</span>} />
          ))}
          {asked.surveys.map((f) => (
            <FormRow key={f.id} form={f} reason={t.unanswered} />
          ))}
          {asked.applicationForms.map((f) => (
            <FormRow key={f.id} form={f} reason={t.applicationOpen} />
          ))}
          {asked.mine.map((s) => (
            <SubmissionRow key={s.id} sub={s} form={byId.get(s.formId)} reason={<StatusChip sub={s} pending={pending.has(s.id)} />} />
          ))}
        </ul>
      )}
      <FormsLink />
    </section>
  );
}

function FormRow({ form, reason }: { form: FormDoc; reason: string }) {
  const { m, lang } = useI18n();
  return (
    <li>
      <Link to="/forms/$formId" params={{ formId: form.id }} className="row-link">
        <span className="row-title">{form.title}</span>
        <span className="notice-badges">
          <span className="badge badge-strong">{reason}</span>
          {form.closesAt !== null ? <span className="badge">{format(m.formsHome.dueBy, { date: formatDate(form.closesAt, lang) })}</span> : null}
        </span>
      </Link>
    </li>
  );
}

function SubmissionRow({ sub, form, reason }: { sub: SubmissionDoc; form: FormDoc | undefined; reason: ReactNode }) {
  const { m, lang } = useI18n();
  return (
    <li>
      <Link to="/submissions/$submissionId" params={{ submissionId: sub.id }} className="row-link">
        <span className="row-title">{form?.title ?? m.formsHome.yourApplication}</span>
        <span className="notice-badges">{reason}</span>
        <span className="muted">{formatDate(sub.updatedAt, lang)}</span>
      </Link>
    </li>
  );
}
