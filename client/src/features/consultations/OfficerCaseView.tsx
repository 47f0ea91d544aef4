import type { ConsultationDoc } from '@kumiai/shared';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { caseOpen, caseStatus } from './cases.ts';
import { CaseBody } from './CaseBody.tsx';
import { Conversation } from './Conversation.tsx';
import { EntryForm } from './EntryForm.tsx';
import { StatusForm } from './StatusForm.tsx';
import { WhoCanRead } from './WhoCanRead.tsx';

/** A case as its assigned officer sees it: the member and how to reach them, the text, the conversation with internal notes, a reply, a note, the status. */
export function OfficerCaseView({ c, entries, memberId, pending }: { c: ConsultationDoc; entries: readonly ConsultationDoc[]; memberId: string; pending: ReadonlySet<string> }) {
  const { m } = useI18n();
  const t = m.consultationsOfficer;
  const open = caseOpen(c);
  return (
    <>
      <p data-testid="consultation-member">{format(t.member, { name: c.memberName ?? '' })}</p>
      <WhoCanRead c={c} />
      <section className="stack" aria-labelledby="consultation-contact">
        <h2 id="consultation-contact">{t.contactTitle}</h2>
        <p>{format(t.contactAtWork, { answer: c.contactAtWork ? t.yes : t.no })}</p>
        {c.preferredContact ? <p>{format(t.preferred, { how: m.consultations.preferred[c.preferredContact] })}</p> : null}
        {c.contactNote ? <p className="consultation-text">{format(t.contactNote, { note: c.contactNote })}</p> : null}
        {c.anonymousToWorkplace ? <p className="notice notice-warning">{t.anonymous}</p> : null}
      </section>
      <CaseBody c={c} heading={t.memberText} />
      <Conversation entries={entries} viewerId={memberId} pending={pending} />
      {open ? <EntryForm kind="message" caseId={c.caseId} label={t.replyLabel} submitLabel={t.reply} doneText={t.replied} testId="consultation-reply" /> : null}
      {open ? <EntryForm kind="note" caseId={c.caseId} label={t.noteLabel} submitLabel={t.noteSave} doneText={t.noteSaved} testId="consultation-note" /> : null}
      <StatusForm key={caseStatus(c)} caseId={c.caseId} status={caseStatus(c)} />
    </>
  );
}
