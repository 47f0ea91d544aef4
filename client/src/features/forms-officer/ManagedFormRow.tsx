import type { FormDoc } from '@kumiai/shared';
import { Link } from '@tanstack/react-router';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { formatDateTime } from '../../ui/dates.ts';
import { ArchiveFormButton } from './ArchiveFormButton.tsx';

/** A form an officer manages: title, status and version, who made it, and links to edit it and see its results. */
export function ManagedFormRow({ form }: { form: FormDoc }) {
  const { m, lang } = useI18n();
  const t = m.formsOfficer;
  const facts = [
    t.statuses[form.status],
    format(t.versionN, { n: form.version }),
    form.closesAt === null ? null : format(t.closesOn, { date: formatDateTime(form.closesAt, lang) }),
    form.authorName ? format(t.byAuthor, { name: form.authorName }) : form.authorId === null ? t.seeded : null,
  ].filter((x): x is string => x !== null);
  return (
    <li className="row-item" data-testid={`managed-form-${form.id}`} data-status={form.status} data-kind={form.kind}>
      <span className="row-title">{form.title}</span>
      <span className="muted">{facts.join(' · ')}</span>
      <span className="button-row">
        {form.status === 'archived' ? null : (
          <Link to="/forms/$formId/edit" params={{ formId: form.id }} className="button button-small" aria-label={format(t.editLabel, { title: form.title })} data-testid={`form-edit-link-${form.id}`}>
            {t.edit}
          </Link>
        )}
        <Link to="/forms/$formId/results" params={{ formId: form.id }} className="button button-small" aria-label={format(t.resultsLabel, { title: form.title })} data-testid={`form-results-link-${form.id}`}>
          {t.results}
        </Link>
        {form.status === 'published' ? <ArchiveFormButton form={form} /> : null}
      </span>
    </li>
  );
}
