import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useRejections } from '../../sync/SyncProvider.tsx';
import { formatDateTime } from '../../ui/dates.ts';

/**
 * Changes the server refused, each with the reason in plain words. The record
 * already shows the server's state again; the member discards the note once seen.
 */
export function RejectedChanges() {
  const { m, lang } = useI18n();
  const { rejections, dismiss } = useRejections();
  if (rejections.length === 0) return null;
  const fields: Record<string, string> = m.me.fields;
  return (
    <section className="notice notice-error stack" aria-labelledby="rejected-title" data-testid="profile-rejections">
      <h2 id="rejected-title">{m.me.rejectedTitle}</h2>
      <ul className="plain-list stack">
        {rejections.map((r) => (
          <li key={r.key} className="stack rejection" data-testid="rejection" data-code={r.code}>
            <p>{m.sync.rejections[r.code]}</p>
            {r.field ? <p>{format(m.me.rejectedField, { field: fields[r.field] ?? r.field })}</p> : null}
            <p className="rejection-time">
              <time dateTime={new Date(r.at).toISOString()}>{formatDateTime(r.at, lang)}</time>
            </p>
            <button type="button" className="button" onClick={() => void dismiss(r.key)} data-testid="rejection-discard">
              {m.me.discard}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
