import type { NoticeVersion } from '@kumiai/shared';
import { useEffect, useState } from 'react';
import { errorCode } from '../../api/client.ts';
import { format } from '../../i18n/format.ts';
import type { AnyErrorCode } from '../../i18n/types.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { formatDateTime } from '../../ui/dates.ts';
import { fetchNoticeHistory } from './notices-api.ts';

/** The versions of a notice (GET /api/notices/:id/history), newest first; fetched again when the device's copy changes version. */
export function NoticeHistory({ noticeId, version }: { noticeId: string; version: number }) {
  const { m, lang } = useI18n();
  const [versions, setVersions] = useState<NoticeVersion[] | null>(null);
  const [error, setError] = useState<AnyErrorCode | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    fetchNoticeHistory(noticeId, controller.signal).then(
      (r) => {
        setVersions([...r.versions].sort((a, b) => b.version - a.version));
        setError(null);
      },
      (e: unknown) => {
        if (!controller.signal.aborted) setError(errorCode(e));
      },
    );
    return () => controller.abort();
  }, [noticeId, version]);
  // The server shows the history to those who may edit the notice only (404 for others): nothing to show then.
  if (error === 'not_found') return null;
  return (
    <section className="stack" aria-labelledby="notice-history-title" data-testid="notice-history">
      <h2 id="notice-history-title">{m.notices.historyTitle}</h2>
      <ErrorAlert code={error} testId="notice-history-error" />
      {versions ? (
        <ol className="plain-list" data-testid="notice-history-list">
          {versions.map((v) => (
            <li key={v.version} data-testid="notice-history-version" data-version={v.version}>
              {format(m.notices.historyLine, { version: v.version, date: formatDateTime(v.at, lang) })} · {v.title}
            </li>
          ))}
        </ol>
      ) : !error ? (
        <p className="muted" role="status">
          {m.app.loading}
        </p>
      ) : null}
    </section>
  );
}
