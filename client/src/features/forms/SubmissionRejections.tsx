import { localized, type FormField } from '@kumiai/shared';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import type { StoredRejection } from '../../sync/rejections.ts';
import { formatDateTime } from '../../ui/dates.ts';

interface Props {
  rejections: readonly StoredRejection[];
  fields: readonly FormField[];
  onFix: (rejection: StoredRejection) => void;
  onDiscard: (rejection: StoredRejection) => void;
}

/** Submissions the server refused: the reason in plain words (and the field), with "fix and send again" or "discard". */
export function SubmissionRejections({ rejections, fields, onFix, onDiscard }: Props) {
  const { m, lang } = useI18n();
  if (rejections.length === 0) return null;
  return (
    <section className="notice notice-error stack" aria-labelledby="form-rejected-title" data-testid="submission-rejections">
      <h2 id="form-rejected-title">{m.forms.rejection.title}</h2>
      <ul className="plain-list stack">
        {rejections.map((r) => {
          const field = r.field ? fields.find((f) => f.id === r.field) : undefined;
          return (
            <li key={r.key} className="stack rejection" data-testid="submission-rejection" data-code={r.code} data-field={r.field ?? ''}>
              <p>{m.sync.rejections[r.code]}</p>
              {r.code === 'invalid_answer' && r.field ? <p>{format(m.forms.rejection.field, { field: field ? localized(field.label, lang) : r.field })}</p> : null}
              <p className="rejection-time">
                <time dateTime={new Date(r.at).toISOString()}>{formatDateTime(r.at, lang)}</time>
              </p>
              <p className="button-row">
                {r.code !== 'not_editable' && r.code !== 'form_closed' ? (
                  <button type="button" className="button button-primary" onClick={() => onFix(r)} data-testid="rejection-fix">
                    {m.forms.rejection.fix}
                  </button>
                ) : null}
                <button type="button" className="button" onClick={() => onDiscard(r)} data-testid="rejection-discard">
                  {m.forms.rejection.discard}
                </button>
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
