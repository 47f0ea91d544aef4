import { useState } from 'react';
import { apiDelete, apiPost } from '../../api/client.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useSyncStatus } from '../../sync/use-sync-status.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useAction } from '../../ui/use-action.ts';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import './meetings.css';

/**
 * The member's secret calendar feed (`POST/DELETE /api/me/calendar-feed`): made,
 * made again (the old URL stops working) or turned off, with plain words on what
 * the URL gives away. The server keeps only its hash, so the URL shows only here, once.
 */
export function CalendarFeedPage() {
  const { m } = useI18n();
  const t = m.meetings;
  useDocumentTitle(t.feedTitle);
  const { online } = useSyncStatus();
  const { busy, error, run } = useAction();
  const [url, setUrl] = useState<string | null>(null);
  const [note, setNote] = useState<'copied' | 'copyFailed' | 'revoked' | null>(null);
  const create = () =>
    void run(async () => {
      setNote(null);
      setUrl((await apiPost<{ url: string }>('/api/me/calendar-feed', {})).url);
    });
  const revoke = () =>
    void run(async () => {
      await apiDelete<Record<string, never>>('/api/me/calendar-feed');
      setUrl(null);
      setNote('revoked');
    });
  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setNote('copied');
    } catch {
      setNote('copyFailed');
    }
  };
  return (
    <section className="card stack" aria-labelledby="calendar-feed-title" data-testid="calendar-feed">
      <h1 id="calendar-feed-title">{t.feedTitle}</h1>
      <p>{t.feedIntro}</p>
      <p className="notice notice-warning" data-testid="calendar-feed-warning">
        {t.feedWarning}
      </p>
      <p className="muted">{t.feedOnce}</p>
      {!online ? (
        <p role="status" data-testid="calendar-feed-offline">
          {t.feedOffline}
        </p>
      ) : null}
      {url ? (
        <div className="stack">
          <p className="field-label">
            {t.feedUrl}
          </p>
          <code className="meeting-feed-url" data-testid="calendar-feed-url">
            {url}
          </code>
          <p className="button-row">
            <button type="button" className="button button-primary" onClick={() => void copy(url)} data-testid="calendar-feed-copy">
              {t.feedCopy}
            </button>
          </p>
        </div>
      ) : null}
      <p role="status" data-testid="calendar-feed-note">
        {note === 'copied' ? t.feedCopied : note === 'copyFailed' ? t.feedCopyFailed : note === 'revoked' ? t.feedRevoked : ''}
      </p>
      <ErrorAlert code={error} />
      <p className="button-row">
        <button type="button" className="button" onClick={create} disabled={busy || !online} data-testid="calendar-feed-create">
          {url ? t.feedRotate : t.feedCreate}
        </button>
        <button type="button" className="button" onClick={revoke} disabled={busy || !online} data-testid="calendar-feed-revoke">
          {t.feedRevoke}
        </button>
      </p>
    </section>
  );
}
