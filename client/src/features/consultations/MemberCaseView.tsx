import type { ConsultationDoc } from '@kumiai/shared';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { caseOpen, caseStatus } from './cases.ts';
import { CaseBody } from './CaseBody.tsx';
import { Conversation } from './Conversation.tsx';
import { EntryForm } from './EntryForm.tsx';
import { EraseSection } from './EraseSection.tsx';
import { WhoCanRead } from './WhoCanRead.tsx';

/** The member's own case: who can read it, what they wrote, the conversation, a reply, and asking for deletion. */
export function MemberCaseView({ c, entries, memberId, pending, sent }: { c: ConsultationDoc; entries: readonly ConsultationDoc[]; memberId: string; pending: ReadonlySet<string>; sent: boolean }) {
  const { m } = useI18n();
  const t = m.consultations;
  return (
    <>
      {!sent || pending.has(c.id) ? (
        <p className="notice notice-warning" data-testid="consultation-waiting">
          {t.waitingHint}
        </p>
      ) : null}
      <WhoCanRead c={c} />
      <CaseBody c={c} heading={t.yourText} />
      <Conversation entries={entries} viewerId={memberId} pending={pending} />
      {sent && caseOpen(c) ? <EntryForm kind="message" caseId={c.caseId} label={t.replyLabel} submitLabel={t.reply} doneText={t.replied} testId="consultation-reply" /> : null}
      {sent && !caseOpen(c) ? <p className="notice">{format(t.closedNote, { status: t.status[caseStatus(c)] })}</p> : null}
      {sent && !pending.has(c.id) ? <EraseSection caseId={c.caseId} /> : null}
    </>
  );
}
