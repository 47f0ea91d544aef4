import { Link } from '@tanstack/react-router';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { formatDateTime } from '../../ui/dates.ts';
import { useSession } from '../auth/index.ts';
import { useNoticeReminders } from './use-notice-reminders.ts';
import { useReadIds } from './use-notices.ts';

function RemindersFor({ memberId }: { memberId: string }) {
  const { m, lang } = useI18n();
  const t = m.reminders;
  const reads = useReadIds();
  // Read on this device since the last answer: no longer asked for.
  const open = useNoticeReminders(memberId).filter((r) => !reads?.has(r.noticeId));
  if (open.length === 0) return null;
  return (
    <section className="stack notice notice-warning" aria-labelledby="reminders-title">
      <h2 id="reminders-title">{t.cardTitle}</h2>
      <p>{t.cardIntro}</p>
      <ul className="plain-list stack">
        {open.map((r) => (
          <li key={r.noticeId}>
            <Link to="/notices/$noticeId" params={{ noticeId: r.noticeId }} className="text-link">
              {r.title}
            </Link>
            <span className="muted"> {format(t.remindedAt, { date: formatDateTime(r.remindedAt, lang) })}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Home card: the notices the union reminded this member of and they have not read (also offline: the last answer). */
export function NoticeReminders() {
  const { me } = useSession();
  return me ? <RemindersFor key={me.member.id} memberId={me.member.id} /> : null;
}
