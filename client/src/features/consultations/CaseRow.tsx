import type { ConsultationDoc } from '@kumiai/shared';
import { Link } from '@tanstack/react-router';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { formatDate } from '../../ui/dates.ts';
import { awaitsMember } from './cases.ts';
import { CaseStatus } from './CaseStatus.tsx';

/** One case in a list: its kind, status (or waiting to send), when it was opened, and a new reply for the member. */
export function CaseRow({ c, waiting, forMember }: { c: ConsultationDoc; waiting: boolean; forMember: boolean }) {
  const { m, lang } = useI18n();
  const t = m.consultations;
  return (
    <li>
      <Link to="/consultations/$caseId" params={{ caseId: c.caseId }} className="row-link" data-testid="consultation-row" data-case-id={c.caseId}>
        <span className="row-title">{c.category ? t.category[c.category] : t.title}</span>
        {!forMember && c.memberName ? <span>{format(m.consultationsOfficer.member, { name: c.memberName })}</span> : null}
        <span className="consultation-row-badges">
          <CaseStatus c={c} waiting={waiting} />
          {forMember && !waiting && awaitsMember(c) ? <span className="badge badge-strong">{t.newReply}</span> : null}
        </span>
        <span className="muted">{format(t.openedOn, { date: formatDate(c.openedAt ?? c.updatedAt, lang) })}</span>
      </Link>
    </li>
  );
}
