import { Link } from '@tanstack/react-router';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useNow } from '../forms/index.ts';
import { MeetingRow } from './MeetingRow.tsx';
import { awaitingAnswer, cancelledAhead, nextMeeting } from './meetings-logic.ts';
import { useMyMeetings, usePendingRsvpIds } from './use-meetings.ts';
import '../../ui/content.css';

/** Home card: the next meeting (when, the member's answer), those waiting for an answer, and those cancelled; nothing when there is none. */
export function MeetingsHomeCard() {
  const { m } = useI18n();
  const t = m.meetings;
  const list = useMyMeetings();
  const now = useNow();
  const pending = usePendingRsvpIds();
  if (!list) return null;
  const next = nextMeeting(list, now);
  const asks = awaitingAnswer(list, now).filter((a) => a.meeting.id !== next?.meeting.id);
  const cancelled = cancelledAhead(list, now);
  if (!next && asks.length === 0 && cancelled.length === 0) return null;
  const shown = [...(next ? [next] : []), ...asks, ...cancelled];
  return (
    <section className={awaitingAnswer(list, now).length > 0 || cancelled.length > 0 ? 'stack notice notice-warning' : 'stack'} aria-labelledby="meetings-card-title" data-testid="meetings-card">
      <h2 id="meetings-card-title">{next ? t.cardTitle : asks.length > 0 ? t.toAnswerTitle : t.cancelledTitle}</h2>
      <ul className="row-list">
        {shown.map((item) => (
          <MeetingRow key={item.meeting.id} item={item} now={now} pending={item.rsvp !== null && pending.has(item.rsvp.id)} />
        ))}
      </ul>
      <p>
        <Link to="/meetings" className="text-link" data-testid="meetings-card-all">
          {t.title}
        </Link>
      </p>
    </section>
  );
}

/** On the 手続き page, beside the forms and votes: meetings waiting for the member's answer (nothing when none). */
export function MeetingsToAnswer() {
  const { m } = useI18n();
  const list = useMyMeetings();
  const now = useNow();
  const pending = usePendingRsvpIds();
  const asks = awaitingAnswer(list ?? [], now);
  if (asks.length === 0) return null;
  return (
    <section className="stack" aria-labelledby="meetings-to-answer-title" data-testid="meetings-to-answer">
      <h2 id="meetings-to-answer-title">{m.meetings.toAnswerTitle}</h2>
      <ul className="row-list">
        {asks.map((item) => (
          <MeetingRow key={item.meeting.id} item={item} now={now} pending={item.rsvp !== null && pending.has(item.rsvp.id)} />
        ))}
      </ul>
    </section>
  );
}
