import './forms-officer.css';
import { useState } from 'react';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { ApplicationRow } from './ApplicationRow.tsx';
import { defaultInboxFilter, type InboxFilter } from './inbox-query.ts';
import { InboxFilters } from './InboxFilters.tsx';
import { useApplicationList } from './use-application-list.ts';

/** Applications of members in the officer's scope (GET /api/applications), those awaiting the officer first by default. */
export function ApprovalInboxPage() {
  const { m } = useI18n();
  const t = m.formsOfficer;
  useDocumentTitle(t.inboxTitle);
  const [filter, setFilter] = useState<InboxFilter>(defaultInboxFilter);
  const list = useApplicationList(filter);
  return (
    <section className="card stack" aria-labelledby="inbox-title" data-testid="approval-inbox">
      <h1 id="inbox-title">{t.inboxTitle}</h1>
      <InboxFilters value={filter} onChange={setFilter} />
      <ErrorAlert code={list.error} testId="inbox-error" />
      <p role="status" className="muted" data-testid="inbox-count" data-count={list.items.length}>
        {list.loading ? m.app.loading : list.items.length === 0 ? t.noApplications : format(t.shown, { n: list.items.length })}
      </p>
      <ul className="row-list" data-testid="inbox-list">
        {list.items.map((item) => (
          <ApplicationRow key={item.id} item={item} />
        ))}
      </ul>
      {list.next ? (
        <button type="button" className="button" onClick={list.loadMore} disabled={list.loading} data-testid="inbox-more">
          {t.loadMore}
        </button>
      ) : null}
    </section>
  );
}
