import type { ReminderResult } from '@kumiai/shared';
import { Link } from '@tanstack/react-router';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { RemindButton } from '../push/index.ts';
import { remindUnread } from './notices-api.ts';

/**
 * Reminds the unread and says what happened: how many a notification reached, how many it
 * cannot reach (no notifications on) and that everyone sees it in the app; offers the printed list.
 */
export function NoticeRemind({ noticeId, onSent }: { noticeId: string; onSent?: () => void }) {
  const { m } = useI18n();
  const t = m.reminders;
  const describe = (result: ReminderResult) =>
    result.unread === 0 ? (
      <p>{t.noneUnread}</p>
    ) : (
      <>
        <p>{result.withoutPush > 0 ? format(t.withoutPush, { pushed: result.pushed, n: result.withoutPush }) : format(t.pushed, { n: result.pushed })}</p>
        <p>{format(t.inApp, { n: result.unread })}</p>
      </>
    );
  return (
    <div className="stack">
      <RemindButton send={() => remindUnread(noticeId)} label={t.remind} hint={t.remindHint} describe={describe} onSent={onSent} testId="read-rate-remind" />
      <p>{t.printHint}</p>
      <p>
        <Link to="/notices/$noticeId/unread" params={{ noticeId }} className="button">
          {t.printLink}
        </Link>
      </p>
    </div>
  );
}
