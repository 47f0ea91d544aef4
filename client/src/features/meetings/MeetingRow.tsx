import { Link } from '@tanstack/react-router';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { pickText } from '../../ui/content-language.ts';
import { formatDateTime } from '../../ui/dates.ts';
import { meetingPhase, type MyMeeting } from './meetings-logic.ts';

/** One meeting in a list: when, what kind, cancelled or under way, and the member's answer. */
export function MeetingRow({ item, now, pending }: { item: MyMeeting; now: number; pending: boolean }) {
  const { m, lang } = useI18n();
  const t = m.meetings;
  const { meeting, rsvp } = item;
  const title = pickText(meeting.title ?? '', meeting.titleEn, lang);
  const phase = meetingPhase(meeting, now);
  const answer = rsvp?.answer ?? 'undecided';
  return (
    <li>
      <Link to="/meetings/$meetingId" params={{ meetingId: meeting.meetingId }} className="row-link" data-testid="meeting-item" data-phase={phase} data-answer={rsvp ? answer : ''}>
        <span>
          {phase === 'cancelled' ? <span className="badge badge-strong">{t.cancelled}</span> : null}
          {phase === 'ongoing' ? <span className="badge badge-strong">{t.ongoing}</span> : null}
          {meeting.meetingKind ? <span className="badge">{t.kinds[meeting.meetingKind]}</span> : null}
        </span>
        <span className="row-title" lang={title.lang}>
          {title.text}
        </span>
        <span className="muted">
          <time dateTime={new Date(meeting.startsAt ?? 0).toISOString()}>{formatDateTime(meeting.startsAt ?? 0, lang)}</time>
        </span>
        {rsvp ? (
          <span className="muted">
            {format(t.myAnswer, { answer: t.answers[answer] })}
            {pending ? ` · ${t.savedWaiting}` : ''}
          </span>
        ) : null}
      </Link>
    </li>
  );
}
