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
  const entries = conversation(docs, caseId);
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
            for (const file of queued.files) void outboxFor(memberId).remove(file.hash);
            void engine?.database.pending.forget('consultations', [queued.id]);
            void navigate({ to: '/consultations' });
          }}
        />
      ) : null}
      {mine ? <MemberCaseView c={c} entries={entries} memberId={memberId} pending={pending} sent={synced !== null} /> : <OfficerCaseView c={c} entries={entries} memberId={memberId} pending={pending} />}
      {back}
    </section>
  );
}
