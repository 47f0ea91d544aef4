import { useCallback, useEffect, useState } from 'react';
import { errorCode } from '../../api/client.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import type { AnyErrorCode } from '../../i18n/types.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { useUnits } from '../units/index.ts';
import { MemberActions } from './MemberActions.tsx';
import { MemberEditForm } from './MemberEditForm.tsx';
import { MemberHistory } from './MemberHistory.tsx';
import { MemberRoles } from './MemberRoles.tsx';
import { getMember, type MemberDetail } from './members-api.ts';

export function MemberDetailPage({ memberId }: { memberId: string }) {
  const { m } = useI18n();
  const [member, setMember] = useState<MemberDetail | null>(null);
  const [error, setError] = useState<AnyErrorCode | null>(null);
  const [attempt, setAttempt] = useState(0);
  const { tree } = useUnits();
  useDocumentTitle(member?.name ?? m.members.detailTitle);

  useEffect(() => {
    const controller = new AbortController();
    void getMember(memberId, controller.signal).then(setMember, (e: unknown) => {
      if (!controller.signal.aborted) setError(errorCode(e));
    });
    return () => controller.abort();
  }, [memberId, attempt]);
  const reload = useCallback(() => setAttempt((a) => a + 1), []);

  return (
    <section className="card stack" aria-labelledby="member-title" data-testid="member-detail">
      <h1 id="member-title">{member?.name ?? m.members.detailTitle}</h1>
      <ErrorAlert code={error} />
      {member && tree ? (
        <>
          <dl className="facts">
            <dt>{m.me.employeeNumber}</dt>
            <dd data-testid="member-employee-number">{member.employeeNumber}</dd>
            <dt>{m.members.kana}</dt>
            <dd>{member.nameKana || '—'}</dd>
            <dt>{m.me.unit}</dt>
            <dd>{tree.pathName(member.unitId)}</dd>
            <dt>{m.members.status}</dt>
            <dd>{m.status[member.status]}</dd>
            <dt>{m.members.signIn}</dt>
            <dd data-testid="member-activated">{member.activated ? m.members.activated : member.hasActivationCode ? m.members.codeIssued : m.members.notActivated}</dd>
          </dl>
          <MemberActions member={member} onChanged={reload} />
          <MemberEditForm key={`${member.unitId}-${member.status}-${attempt}`} member={member} tree={tree} onSaved={reload} />
          <MemberRoles member={member} tree={tree} onChanged={reload} />
          <MemberHistory history={member.history} tree={tree} />
        </>
      ) : error ? null : (
        <p role="status">{m.app.loading}</p>
      )}
    </section>
  );
}
