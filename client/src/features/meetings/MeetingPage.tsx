import { Link } from '@tanstack/react-router';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { pickText } from '../../ui/content-language.ts';
import { formatDateTime } from '../../ui/dates.ts';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { useSession } from '../auth/index.ts';
import { useNow } from '../forms/index.ts';
import { AgendaSection } from './AgendaSection.tsx';
import { CheckinQr } from './CheckinQr.tsx';
import { meetingPhase } from './meetings-logic.ts';
import { RsvpForm } from './RsvpForm.tsx';
import { useMyMeeting } from './use-meetings.ts';
import '../../ui/content.css';
import './meetings.css';

function BackLink() {
  const { m } = useI18n();
  return (
    <p>
      <Link to="/meetings" className="text-link" data-testid="meetings-back">
        {m.meetings.backToList}
      </Link>
    </p>
  );
}

/** One meeting from the device (also offline): when and where, the agenda with materials, the member's answer and attendance QR, decisions and minutes. */
export function MeetingPage({ meetingId }: { meetingId: string }) {
  const { m, lang } = useI18n();
  const t = m.meetings;
  const { me } = useSession();
  const item = useMyMeeting(meetingId);
  const now = useNow();
  const title = item ? pickText(item.meeting.title ?? '', item.meeting.titleEn, lang) : null;
  useDocumentTitle(title?.text ?? t.title);
  if (item === undefined || !me) {
    return (
      <section className="card stack" aria-labelledby="meeting-title">
        <h1 id="meeting-title">{t.title}</h1>
        <p className="muted" role="status">
          {t.loading}
        </p>
      </section>
    );
  }
  if (item === null) {
    return (
      <section className="card stack" aria-labelledby="meeting-title" data-testid="meeting-missing">
        <h1 id="meeting-title">{t.title}</h1>
        <p role="status">{t.notFound}</p>
        <BackLink />
      </section>
    );
  }
  const { meeting, rsvp } = item;
  const phase = meetingPhase(meeting, now);
  const place = meeting.place ? pickText(meeting.place, meeting.placeEn, lang) : null;
  const description = meeting.description ? pickText(meeting.description, meeting.descriptionEn, lang) : null;
  return (
    <article className="card stack" aria-labelledby="meeting-title" data-testid="meeting-view" data-meeting-id={meeting.meetingId} data-phase={phase}>
      <h1 id="meeting-title" lang={title?.lang}>
        {title?.text}
      </h1>
      {phase === 'cancelled' ? (
        <p className="notice notice-warning" data-testid="meeting-cancelled">
          {t.cancelledNotice}
        </p>
      ) : null}
      <dl className="facts">
        {meeting.meetingKind ? (
          <>
            <dt>{t.kind}</dt>
            <dd data-testid="meeting-kind">{t.kinds[meeting.meetingKind]}</dd>
          </>
        ) : null}
        <dt>{t.when}</dt>
        <dd data-testid="meeting-when">
          {format(t.whenValue, { from: formatDateTime(meeting.startsAt ?? 0, lang), to: formatDateTime(meeting.endsAt ?? 0, lang) })}
          {phase === 'ongoing' ? ` (${t.ongoing})` : phase === 'ended' ? ` (${t.ended})` : ''}
        </dd>
        {place ? (
          <>
            <dt>{t.place}</dt>
            <dd lang={place.lang} data-testid="meeting-place">
              {place.text}
            </dd>
          </>
        ) : null}
        {meeting.onlineUrl ? (
          <>
            <dt>{t.online}</dt>
            <dd>
              <a className="text-link" href={meeting.onlineUrl} target="_blank" rel="noopener noreferrer" data-testid="meeting-online">
                {t.onlineLink}
              </a>
            </dd>
          </>
        ) : null}
        {meeting.rsvpBy && rsvp ? (
          <>
            <dt>{t.rsvpBy}</dt>
            <dd>{formatDateTime(meeting.rsvpBy, lang)}</dd>
          </>
        ) : null}
      </dl>
      {description ? (
        <p className="meeting-text" lang={description.lang}>
          {description.text}
        </p>
      ) : null}
      <p>
        <a className="text-link" href={`/api/meetings/${encodeURIComponent(meeting.meetingId)}/event.ics`} download data-testid="meeting-ics">
          {t.calendarIcs}
        </a>
      </p>
      {rsvp ? <RsvpForm meeting={meeting} rsvp={rsvp} memberId={me.member.id} now={now} /> : <p className="muted">{t.organiserOnly}</p>}
      {rsvp && phase !== 'cancelled' ? <CheckinQr rsvp={rsvp} /> : null}
      <AgendaSection meeting={meeting} memberId={me.member.id} />
      {meeting.minutesDocumentId ? (
        <section className="stack" aria-labelledby="meeting-minutes-title">
          <h2 id="meeting-minutes-title">{t.minutes}</h2>
          <p>
            <Link to="/documents/$documentId" params={{ documentId: meeting.minutesDocumentId }} className="text-link" data-testid="meeting-minutes">
              {t.minutesOpen}
            </Link>
          </p>
        </section>
      ) : null}
      <BackLink />
    </article>
  );
}
