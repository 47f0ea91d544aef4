import './consultations.css';
import { Link } from '@tanstack/react-router';
import { useI18n } from '../../i18n/use-i18n.ts';
import { usePendingIds } from '../../sync/use-pending-ids.ts';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { useSession } from '../auth/index.ts';
import { myCases } from './cases.ts';
import { CaseRow } from './CaseRow.tsx';
import { useConsultationDocs, useOutgoing } from './use-consultations.ts';
import { WhoCanRead } from './WhoCanRead.tsx';

/** /consultations: what the desk is for, who can read a case, 相談する, and the member's own cases (from the device, offline too). */
export function ConsultationsPage() {
  const { m } = useI18n();
  const t = m.consultations;
  const { me } = useSession();
  const docs = useConsultationDocs();
  const { items } = useOutgoing();
  const pending = usePendingIds('consultations');
  useDocumentTitle(t.title);
  if (!me) return null;
  const cases = docs ? myCases(docs, me.member.id) : undefined;
  const queued = items.filter((i) => i.doc.kind === 'case');
  return (
    <section className="card stack" aria-labelledby="consultations-title" data-testid="consultations-page">
      <h1 id="consultations-title">{t.title}</h1>
      <p>{t.intro}</p>
      <WhoCanRead />
      <p>
        <Link to="/consultations/new" className="button button-primary" data-testid="consultation-open">
          {t.open}
        </Link>
      </p>
      <section className="stack" aria-labelledby="consultations-mine">
        <h2 id="consultations-mine">{t.mine}</h2>
        {cases === undefined ? (
          <p role="status">{t.loading}</p>
        ) : cases.length === 0 && queued.length === 0 ? (
          <p className="muted" data-testid="consultations-none">
            {t.none}
          </p>
        ) : (
          <ul className="row-list">
            {queued.map((i) => (
              <CaseRow key={i.id} c={i.doc} waiting forMember />
            ))}
            {cases.map((c) => (
              <CaseRow key={c.id} c={c} waiting={pending.has(c.id)} forMember />
            ))}
          </ul>
        )}
      </section>
    </section>
  );
}
