import type { MemberDoc } from '@kumiai/shared';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useApiResource } from '../../api/use-api-resource.ts';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { TextField } from '../../ui/TextField.tsx';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { docJson, useLiveQuery } from '../../sync/live-query.ts';
import { mayUse, useSession } from '../auth/index.ts';
import { duesApi } from './dues-api.ts';
import { DuesOfficerNav } from './DuesOfficerNav.tsx';
import { ExemptionsSection } from './ExemptionsSection.tsx';
import { MonthCard } from './MonthCard.tsx';
import { duesYears } from './my-dues.ts';
import { PaymentForm } from './PaymentForm.tsx';
import { useMemberDues } from './use-dues.ts';
import './dues.css';

// The route's search (`?number=`), without importing the route file (which loads this page lazily).
const route = getRouteApi('/member/dues/members');

/** One member's dues for a treasurer: found by employee number among the members on the device, with payments and exemptions. */
export function DuesMembersPage() {
  const { m } = useI18n();
  const t = m.duesOfficer;
  useDocumentTitle(t.membersTitle);
  const { number } = route.useSearch();
  const navigate = useNavigate();
  const [typed, setTyped] = useState(number ?? '');
  const member = useLiveQuery(number ? (db) => db.members.findOne({ selector: { employeeNumber: number } }) : null, docJson, [number]);
  return (
    <section className="card stack" aria-labelledby="dues-members-title" data-testid="dues-members">
      <h1 id="dues-members-title">{t.membersTitle}</h1>
      <DuesOfficerNav />
      <p>{t.membersIntro}</p>
      <form
        role="search"
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          void navigate({ to: '/dues/members', search: typed.trim() ? { number: typed.trim() } : {} });
        }}
      >
        <TextField label={t.findMember} value={typed} onValueChange={setTyped} maxLength={32} autoComplete="off" data-testid="dues-member-number" />
        <button type="submit" className="button" data-testid="dues-member-find">
          {t.find}
        </button>
      </form>
      {number && member === null ? <p data-testid="dues-member-none">{t.noSuchMember}</p> : null}
      {member ? <MemberDues member={member} /> : null}
    </section>
  );
}

function MemberDues({ member }: { member: MemberDoc }) {
  const { m } = useI18n();
  const t = m.duesOfficer;
  const { me } = useSession();
  const docs = useMemberDues(member.id);
  const policy = useApiResource((signal) => duesApi.policy(signal), []);
  const manage = mayUse(me, 'duesManage');
  return (
    <div className="stack" data-testid="dues-member" data-member-id={member.id}>
      <section className="stack" aria-labelledby="member-dues-title">
        <h2 id="member-dues-title" className="dues-break">
          {format(t.memberRecords, { name: member.name })} ({member.employeeNumber})
        </h2>
        {docs === undefined ? <p role="status">{t.loading}</p> : docs.length === 0 ? <p>{m.dues.empty}</p> : null}
        {duesYears(docs ?? []).map((year) => (
          <ul key={year.year} className="row-list" aria-label={format(m.dues.yearTitle, { year: year.year })}>
            {year.lines.map((line) => (
              <MonthCard key={line.id} line={line} />
            ))}
          </ul>
        ))}
      </section>
      {manage ? <PaymentForm memberId={member.id} strikeFund={policy.data?.strikeFund ?? false} /> : null}
      <ExemptionsSection memberId={member.id} mayManage={manage} />
    </div>
  );
}
