import './consultations.css';
import { Link, useNavigate } from '@tanstack/react-router';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useSyncEngine } from '../../sync/SyncProvider.tsx';
import { usePendingIds } from '../../sync/use-pending-ids.ts';
import { formatDate } from '../../ui/dates.ts';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { useSession } from '../auth/index.ts';
import { outboxFor } from '../forms/index.ts';
import { conversation } from './cases.ts';
import { CaseStatus } from './CaseStatus.tsx';
import { MemberCaseView } from './MemberCaseView.tsx';
import { OfficerCaseView } from './OfficerCaseView.tsx';
import { QueuedActions } from './QueuedActions.tsx';
import { useCaseDocs, useOutgoing } from './use-consultations.ts';

/** /consultations/$caseId: the member's own case, or a case the officer was assigned (both from the device, offline too). */
export function ConsultationPage({ caseId }: { caseId: string }) {
  const { m, lang } = useI18n();
  const t = m.consultations;
  const { me } = useSession();
  const docs = useCaseDocs(caseId);
  const { items, store } = useOutgoing();
  const pending = usePendingIds('consultations');
  const navigate = useNavigate();
  const engine = useSyncEngine().engine;
  const synced = docs?.find((d) => d.kind === 'case' && d.id === caseId) ?? null;
  const queued = items.find((i) => i.id === caseId) ?? null;
  const c = synced ?? queued?.doc ?? null;
  useDocumentTitle(c?.category ? format(t.caseTitle, { category: t.category[c.category] }) : t.title);
  if (!me) return null;
  const memberId = me.member.id;
  const back = (
    <p>
      <Link to="/consultations" className="text-link" data-testid="consultations-back">
        {t.back}
      </Link>
    </p>
  );
  if (docs === undefined) {
    return (
      <p className="card muted" role="status">
        {t.loading}
      </p>
    );
  }
  if (!c) {
    return (
      <section className="card stack" aria-labelledby="consultation-title" data-testid="consultation-page">
        <h1 id="consultation-title">{t.title}</h1>
        <p data-testid="consultation-not-found">{t.notFound}</p>
        {back}
      </section>
    );
  }
  const mine = c.memberId === undefined || c.memberId === memberId;
  // Replies with files still waiting on this device (outgoing.ts) show in the conversation as waiting.
  const queuedReplies = items.filter((i) => i.doc.kind !== 'case' && i.doc.caseId === caseId && !docs.some((d) => d.id === i.id));
  const entries = [...conversation(docs, caseId), ...queuedReplies.map((i) => i.doc)];
  const forget = (item: (typeof items)[number]) => {
    for (const file of item.files) void outboxFor(memberId).remove(file.hash);
    void engine?.database.pending.forget('consultations', [item.id]);
  };
  return (
    <section className="card stack" aria-labelledby="consultation-title" data-testid="consultation-page" data-case-id={caseId} data-viewer={mine ? 'member' : 'officer'}>
      <header className="stack">
        <h1 id="consultation-title">{format(t.caseTitle, { category: c.category ? t.category[c.category] : '' })}</h1>
        <CaseStatus c={c} waiting={!synced || pending.has(caseId)} />
        <p className="muted">{format(t.openedOn, { date: formatDate(c.openedAt ?? c.updatedAt, lang) })}</p>
      </header>
      {queued && store ? (
        <QueuedActions
          item={queued}
          store={store}
          onDiscarded={() => {
            forget(queued);
            void navigate({ to: '/consultations' });
          }}
        />
      ) : null}
      {store ? queuedReplies.map((item) => <QueuedActions key={item.id} item={item} store={store} onDiscarded={() => forget(item)} />) : null}
      {mine ? <MemberCaseView c={c} entries={entries} memberId={memberId} pending={pending} sent={synced !== null} /> : <OfficerCaseView c={c} entries={entries} memberId={memberId} pending={pending} />}
      {back}
    </section>
  );
}
