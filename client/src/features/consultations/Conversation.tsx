import type { ConsultationDoc } from '@kumiai/shared';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { formatDateTime } from '../../ui/dates.ts';
import { AttachmentLinks } from './AttachmentLinks.tsx';

/**
 * A case's replies in order (and on an assigned officer's device, the internal
 * notes, each marked as never shown to the member); a reply still on the device says it waits.
 */
export function Conversation({ entries, viewerId, pending }: { entries: readonly ConsultationDoc[]; viewerId: string; pending: ReadonlySet<string> }) {
  const { m, lang } = useI18n();
  const t = m.consultations;
  return (
    <section className="stack" aria-labelledby="consultation-conversation">
      <h2 id="consultation-conversation">{t.conversation}</h2>
      {entries.length === 0 ? <p className="muted">{t.noMessages}</p> : null}
      <ol className="plain-list stack">
        {entries.map((e) => {
          const mine = e.authorId === undefined || e.authorId === viewerId;
          const who = mine ? t.you : e.fromOfficer ? format(t.officer, { name: e.authorName ?? '' }) : (e.authorName ?? '');
          return (
            <li key={e.id} className={e.kind === 'note' ? 'consultation-entry consultation-entry-note stack' : 'consultation-entry stack'} data-testid={e.kind === 'note' ? 'consultation-note' : 'consultation-message'} data-from-officer={e.fromOfficer ? 'true' : 'false'}>
              <p className="muted">
                {e.kind === 'note' ? <strong>{m.consultationsOfficer.note} · </strong> : null}
                {who}
                {e.createdAt ? ` · ${formatDateTime(e.createdAt, lang)}` : null}
                {pending.has(e.id) ? (
                  <span className="badge badge-strong" data-testid="consultation-entry-waiting">
                    {' '}
                    <span aria-hidden="true">⏳ </span>
                    {t.waitingToSend}
                  </span>
                ) : null}
              </p>
              <p className="consultation-text">{e.text}</p>
              <AttachmentLinks files={e.attachments ?? []} />
            </li>
          );
        })}
      </ol>
    </section>
  );
}
