import './consultations.css';
import { useI18n } from '../../i18n/use-i18n.ts';
import { usePendingIds } from '../../sync/use-pending-ids.ts';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { useSession } from '../auth/index.ts';
import { assignedCases } from './cases.ts';
import { CaseRow } from './CaseRow.tsx';
import { useConsultationDocs } from './use-consultations.ts';

/** /consultations/assigned: the cases this officer was assigned (the only ones that reach their device). */
export function AssignedPage() {
  const { m } = useI18n();
  const t = m.consultationsOfficer;
  const { me } = useSession();
  const docs = useConsultationDocs();
  const pending = usePendingIds('consultations');
  useDocumentTitle(t.assignedTitle);
  if (!me) return null;
  const cases = docs ? assignedCases(docs, me.member.id) : undefined;
  return (
    <section className="card stack" aria-labelledby="assigned-title" data-testid="consultations-assigned">
      <h1 id="assigned-title">{t.assignedTitle}</h1>
      <p>{t.assignedIntro}</p>
      {cases === undefined ? (
        <p role="status">{t.loading}</p>
      ) : cases.length === 0 ? (
        <p className="muted" data-testid="consultations-assigned-none">
          {t.assignedNone}
        </p>
      ) : (
        <ul className="row-list">
          {cases.map((c) => (
            <CaseRow key={c.id} c={c} waiting={pending.has(c.id)} forMember={false} />
          ))}
        </ul>
      )}
    </section>
  );
}
