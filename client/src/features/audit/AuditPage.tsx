import { useCallback, useEffect, useState } from 'react';
import { apiGet, errorCode, query } from '../../api/client.ts';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import type { AnyErrorCode } from '../../i18n/types.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { formatDateTime } from '../../ui/dates.ts';

interface Entry {
  seq: number;
  at: number;
  actorId: string | null;
  action: string;
  target: string | null;
  detail: unknown;
}

type Verify = { ok: true; count: number } | { ok: false; seq: number; reason: string; count: number };

export function AuditPage() {
  const { m, lang } = useI18n();
  useDocumentTitle(m.audit.title);
  const [entries, setEntries] = useState<Entry[]>([]);
  const [more, setMore] = useState(false);
  const [error, setError] = useState<AnyErrorCode | null>(null);
  const [verify, setVerify] = useState<Verify | null>(null);

  const load = useCallback((before: number | null) => {
    void apiGet<{ entries: Entry[] }>(`/api/audit${query({ before: before === null ? null : String(before) })}`).then(
      (page) => {
        setEntries((list) => (before === null ? page.entries : [...list, ...page.entries]));
        setMore(page.entries.length >= 100);
      },
      (e: unknown) => setError(errorCode(e)),
    );
  }, []);
  useEffect(() => load(null), [load]);

  const runVerify = () => void apiGet<Verify>('/api/audit/verify').then(setVerify, (e: unknown) => setError(errorCode(e)));

  return (
    <section className="card stack" aria-labelledby="audit-title" data-testid="audit">
      <h1 id="audit-title">{m.audit.title}</h1>
      <ErrorAlert code={error} />
      <button type="button" className="button" onClick={runVerify} data-testid="audit-verify">
        {m.audit.verify}
      </button>
      {verify ? (
        <p className={`notice ${verify.ok ? 'notice-success' : 'notice-error'}`} role="status" data-testid="audit-verify-result" data-ok={verify.ok}>
          {verify.ok ? format(m.audit.verifyOk, { n: verify.count }) : format(m.audit.verifyBroken, { seq: verify.seq, n: verify.count })}
        </p>
      ) : null}
      <ol className="row-list" data-testid="audit-list">
        {entries.map((entry) => (
          <li key={entry.seq} className="row-item">
            <span className="row-title">
              #{entry.seq} {entry.action}
            </span>
            <span className="muted">
              {formatDateTime(entry.at, lang)}
              {entry.target ? ` · ${entry.target}` : ''}
              {entry.actorId ? ` · ${m.audit.by} ${entry.actorId}` : ''}
            </span>
          </li>
        ))}
      </ol>
      {more ? (
        <button type="button" className="button" onClick={() => load(entries.at(-1)?.seq ?? null)} data-testid="audit-older">
          {m.audit.older}
        </button>
      ) : null}
    </section>
  );
}
