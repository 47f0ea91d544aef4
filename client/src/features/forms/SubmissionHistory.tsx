import type { HistoryEntry } from '@kumiai/shared';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { formatDateTime } from '../../ui/dates.ts';
import { actedStep } from './submission-doc.ts';

/** Every change of the application, oldest first: what happened, when, by whom, with the comment. */
export function SubmissionHistory({ history }: { history: readonly HistoryEntry[] }) {
  const { m, lang } = useI18n();
  return (
    <section className="stack" aria-labelledby="history-title" data-testid="submission-history">
      <h2 id="history-title">{m.forms.history.title}</h2>
      {history.length === 0 ? (
        <p className="muted">{m.forms.history.empty}</p>
      ) : (
        <ol className="plain-list stack form-history">
          {history.map((entry, i) => {
            const step = actedStep(history, i);
            return (
              <li key={`${entry.at}-${i}`} data-testid="submission-history-entry" data-action={entry.action}>
                <p>
                  <strong>{m.forms.history.actions[entry.action]}</strong>
                  {step === null ? '' : ` (${format(m.forms.history.step, { step })})`}
                  {entry.actorName ? ` · ${entry.actorName}` : ''}
                </p>
                <p className="muted">
                  <time dateTime={new Date(entry.at).toISOString()}>{formatDateTime(entry.at, lang)}</time>
                </p>
                {entry.comment ? <blockquote className="form-comment" data-testid="submission-history-comment">{entry.comment}</blockquote> : null}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
