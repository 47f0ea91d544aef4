import { Link } from '@tanstack/react-router';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useSession } from '../auth/index.ts';
import { assignedCases, awaitsMember, awaitsOfficer, myCases } from './cases.ts';
import { CaseRow } from './CaseRow.tsx';
import { useConsultationDocs } from './use-consultations.ts';

/** The member's open cases with a reply from the desk they have not answered (from the device, offline too); undefined while loading. */
function useRepliesForMe() {
  const { me } = useSession();
  const docs = useConsultationDocs();
  return docs && me ? myCases(docs, me.member.id).filter(awaitsMember) : undefined;
}

/** For the home page's "all done": how many cases have a reply waiting for the member. */
export function useConsultationReplies(): number | undefined {
  return useRepliesForMe()?.length;
}

/**
 * Member home: a reply from the consultation desk waits (nothing when none). It names only the kind
 * of case and its status, as the member's own list does; the words are on the case's page.
 */
export function ConsultationRepliesCard() {
  const { m } = useI18n();
  const t = m.consultations;
  const cases = useRepliesForMe();
  if (!cases || cases.length === 0) return null;
  return (
    <section className="stack notice notice-warning" aria-labelledby="consultations-card-title" data-testid="consultations-card">
      <h2 id="consultations-card-title">{t.cardTitle}</h2>
      <ul className="row-list">
        {cases.map((c) => (
          <CaseRow key={c.id} c={c} waiting={false} forMember />
        ))}
      </ul>
      <p>
        <Link to="/consultations" className="text-link">
          {t.cardAll}
        </Link>
      </p>
    </section>
  );
}

/** Officer home: the assigned cases waiting for this officer's answer (on their device only when assigned); nothing when none. */
export function AssignedConsultationsCard() {
  const { m } = useI18n();
  const t = m.consultationsOfficer;
  const { me } = useSession();
  const docs = useConsultationDocs();
  if (!docs || !me) return null;
  const waiting = assignedCases(docs, me.member.id).filter(awaitsOfficer);
  if (waiting.length === 0) return null;
  return (
    <section className="stack home-card" aria-labelledby="consultations-assigned-card-title" data-testid="consultations-assigned-card">
      <h3 id="consultations-assigned-card-title">
        {t.cardTitle} <span className="badge badge-strong">{format(t.cardCount, { n: waiting.length })}</span>
      </h3>
      <ul className="row-list">
        {waiting.map((c) => (
          <CaseRow key={c.id} c={c} waiting={false} forMember={false} />
        ))}
      </ul>
      <p>
        <Link to="/consultations/assigned" className="text-link">
          {t.assignedTitle}
        </Link>
      </p>
    </section>
  );
}
