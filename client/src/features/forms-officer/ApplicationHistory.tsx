import type { HistoryEntry } from '@kumiai/shared';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { formatDateTime } from '../../ui/dates.ts';

/** Each change in the application's life, oldest first, with who made it and their comment. */
export function ApplicationHistory({ history }: { history: readonly HistoryEntry[] }) {
  const { m, lang } = useI18n();
  const t = m.formsOfficer;
  return (
    <section className="stack" aria-labelledby="history-title">
      <h2 id="history-title">{t.historyTitle}</h2>
      {history.length === 0 ? (
        <p className="muted">{t.noHistory}</p>
      ) : (
        <ol className="plain-list stack" data-testid="application-history">
          {history.map((h, i) => (
            <li key={i} data-testid="application-history-entry" data-action={h.action}>
              <span className="muted">{formatDateTime(h.at, lang)}</span>{' '}
              <strong>{format(t.historyBy, { action: t.historyActions[h.action], name: h.actorName ?? t.system })}</strong>
              {h.state === 'in_review' ? <span>{` → ${format(t.stepN, { n: h.step + 1 })}`}</span> : null}
              {h.comment ? <p className="history-comment">{h.comment}</p> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
