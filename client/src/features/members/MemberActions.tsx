import type { ActivationCard } from '@kumiai/shared';
import { useState } from 'react';
import { errorCode } from '../../api/client.ts';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import type { AnyErrorCode } from '../../i18n/types.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useActor } from '../auth/index.ts';
import { CardSheet } from '../cards/index.ts';
import { useUnits } from '../units/index.ts';
import { mayManage } from './may-manage.ts';
import { endSessions, issueCodes, type MemberDetail } from './members-api.ts';

/** A new login card (for a first sign-in or a forgotten password) and ending the member's sessions. */
export function MemberActions({ member, onChanged }: { member: MemberDetail; onChanged: () => void }) {
  const { m } = useI18n();
  const actor = useActor();
  const { tree } = useUnits();
  const [cards, setCards] = useState<ActivationCard[] | null>(null);
  const [ended, setEnded] = useState<number | null>(null);
  const [error, setError] = useState<AnyErrorCode | null>(null);
  if (!actor || !tree) return null;
  const mayIssue = mayManage(actor, tree, 'member.issue_code', member);
  const mayEnd = mayManage(actor, tree, 'member.end_sessions', member);
  if (!mayIssue && !mayEnd) return null;

  async function run<T>(action: () => Promise<T>, then: (value: T) => void): Promise<void> {
    setError(null);
    try {
      then(await action());
      onChanged();
    } catch (e) {
      setError(errorCode(e));
    }
  }

  return (
    <div className="stack">
      <ErrorAlert code={error} />
      <div className="button-row">
        {mayIssue ? (
          <button type="button" className="button" onClick={() => void run(() => issueCodes([member.id]), setCards)} data-testid="member-issue-card">
            {m.members.issueCard}
          </button>
        ) : null}
        {mayEnd ? (
          <button type="button" className="button" onClick={() => void run(() => endSessions(member.id), (r) => setEnded(r.ended))} data-testid="member-end-sessions">
            {m.members.endSessions}
          </button>
        ) : null}
      </div>
      {ended !== null ? (
        <p className="notice notice-success" role="status" data-testid="member-sessions-ended">
          {format(m.members.sessionsEnded, { n: ended })}
        </p>
      ) : null}
      {cards ? <CardSheet cards={cards} /> : null}
    </div>
  );
}
