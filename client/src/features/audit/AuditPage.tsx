import type { AuditEntryView } from '@kumiai/shared';
import { useCallback, useEffect, useState } from 'react';
import { apiGet, errorCode } from '../../api/client.ts';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import type { AnyErrorCode } from '../../i18n/types.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { formatDateTime } from '../../ui/dates.ts';
import { isAuditActionCode } from './action-messages.ts';
import { exportHref, fetchAuditPage, noFilter, type AuditFilter } from './audit-api.ts';
import { AuditFilters } from './AuditFilters.tsx';

type Verify = { ok: true; count: number } | { ok: false; seq: number; reason: string; count: number };

/** The audit log for people: actions in words, names instead of ids, filters, CSV export, "show more". */
export function AuditPage() {
  const { m, lang } = useI18n();
  useDocumentTitle(m.audit.title);
  const [filter, setFilter] = useState<AuditFilter>(noFilter);
  const [entries, setEntries] = useState<AuditEntryView[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<AnyErrorCode | null>(null);
  const [verify, setVerify] = useState<Verify | null>(null);

  const load = useCallback((shown: AuditFilter, before: string | null) => {
    void fetchAuditPage(shown, before).then(
      (page) => {
        setError(null);
        setEntries((list) => (before === null || list === null ? page.entries : [...list, ...page.entries]));
        setNext(page.next);
      },
      (e: unknown) => setError(errorCode(e)),
    );
  }, []);
  useEffect(() => load(filter, null), [load, filter]);

  const runVerify = () => void apiGet<Verify>('/api/audit/verify').then(setVerify, (e: unknown) => setError(errorCode(e)));
  const actionText = (action: string): string => (isAuditActionCode(action) ? m.auditActions[action] : action);

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
      <AuditFilters onApply={setFilter} />
      <p>
        <a className="button" href={exportHref(filter)} download>
          {m.audit.exportCsv}
        </a>
      </p>
      <p className="field-hint">{m.audit.exportHint}</p>
      {entries === null ? (
        !error ? (
          <p className="muted" role="status">
            {m.app.loading}
          </p>
        ) : null
      ) : entries.length === 0 ? (
        <p>{m.audit.empty}</p>
      ) : (
        <ol className="row-list" data-testid="audit-list">
          {entries.map((entry) => (
            <li key={entry.seq} className="row-item">
              <span className="row-title">{actionText(entry.action)}</span>
              <span>
                {m.audit.by}: {entry.actorId === null ? m.audit.system : (entry.actorName ?? entry.actorId)}
              </span>
              {entry.target ? (
                <span>
                  {m.audit.target}: {entry.targetName ?? entry.target}
                </span>
              ) : null}
              <span className="muted">
                {formatDateTime(entry.at, lang)} · #{entry.seq}
              </span>
            </li>
          ))}
        </ol>
      )}
      {next !== null ? (
        <button type="button" className="button" onClick={() => load(filter, next)} data-testid="audit-older">
          {m.audit.older}
        </button>
      ) : entries && entries.length > 0 ? (
        <p className="muted">{m.audit.end}</p>
      ) : null}
    </section>
  );
}
