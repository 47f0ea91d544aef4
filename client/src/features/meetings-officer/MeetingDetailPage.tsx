import './meetings-officer.css';
import type { MeetingDetail } from '@kumiai/shared';
import { Link } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { errorCode } from '../../api/client.ts';
import { format } from '../../i18n/format.ts';
import type { AnyErrorCode } from '../../i18n/types.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { pickText } from '../../ui/content-language.ts';
import { formatDate } from '../../ui/dates.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { useSession } from '../auth/index.ts';
import { mayRunMeetings } from './access.ts';
import { CancelSection } from './CancelSection.tsx';
import { dayAndTime } from './meeting-form.ts';
import { NotOfficer } from './NotOfficer.tsx';
import { fetchMeeting } from './officer-api.ts';
import { ResponsesSection } from './ResponsesSection.tsx';
import { DecisionsSection } from './DecisionsSection.tsx';
import { MinutesSection } from './MinutesSection.tsx';

/** One meeting for those who run it: when and where, the agenda, editing and cancelling, the replies; on the day, check-in, decisions and minutes. */
export function MeetingDetailPage({ meetingId }: { meetingId: string }) {
  const { m, lang } = useI18n();
  const t = m.meetingsOfficer;
  const { me } = useSession();
  const officer = mayRunMeetings(me);
  const [detail, setDetail] = useState<MeetingDetail | null>(null);
  const [error, setError] = useState<AnyErrorCode | null>(null);
  useEffect(() => {
    if (!officer) return;
    const controller = new AbortController();
    fetchMeeting(meetingId, controller.signal).then(setDetail, (e: unknown) => controller.signal.aborted || setError(errorCode(e)));
    return () => controller.abort();
  }, [officer, meetingId]);
  const title = detail ? pickText(detail.title, detail.titleEn, lang) : null;
  useDocumentTitle(title?.text ?? t.listTitle);
  if (!officer) return <NotOfficer />;
  if (!detail || !title) return error ? <ErrorAlert code={error} /> : <p role="status">{m.app.loading}</p>;
  const input = detail.input;
  // The server decides (meeting_not_started); the sections appear once the meeting has begun, or when something is recorded.
  const started = !detail.can.edit || detail.minutes !== null || Object.keys(detail.decisions).length > 0;
  const place = pickText(input.place ?? '', input.placeEn, lang);
  return (
    <div className="stack" data-testid="meeting-detail" data-cancelled={detail.cancelled}>
      <section className="card stack" aria-labelledby="meeting-title">
        <p>
          <Link to="/meetings/manage">{t.back}</Link>
        </p>
        <h1 id="meeting-title" lang={title.lang} className="meeting-wrap">
          {title.text}
        </h1>
        <p>
          <span className="badge">{t.kinds[detail.kind]}</span> {format(t.when, { day: formatDate(detail.startsAt, lang), from: dayAndTime(detail.startsAt).time, to: dayAndTime(detail.endsAt).time })}
        </p>
        {place.text ? (
          <p lang={place.lang} className="meeting-wrap">
            {place.text}
          </p>
        ) : null}
        {input.onlineUrl ? (
          <p className="meeting-wrap">
            {t.online}: <a href={input.onlineUrl}>{input.onlineUrl}</a>
          </p>
        ) : null}
        {detail.cancelled ? (
          <p role="status" className="notice notice-error" data-testid="meeting-cancelled">
            {t.cancelled}
          </p>
        ) : null}
        <h2>{t.agenda}</h2>
        <ol data-testid="meeting-agenda">
          {input.agenda.map((item) => (
            <li key={item.id} className="meeting-wrap">
              {pickText(item.title, item.titleEn, lang).text}
            </li>
          ))}
        </ol>
        {!detail.cancelled ? (
          <p className="button-row">
            {detail.can.edit ? (
              <Link to="/meetings/manage/$meetingId/edit" params={{ meetingId }} className="button" data-testid="meeting-edit">
                {t.edit}
              </Link>
            ) : null}
            {detail.can.checkIn ? (
              <Link to="/meetings/manage/$meetingId/checkin" params={{ meetingId }} className="button button-primary" data-testid="meeting-checkin-link">
                {t.checkinLink}
              </Link>
            ) : null}
          </p>
        ) : null}
        {!detail.cancelled && detail.can.edit ? <CancelSection detail={detail} onChange={setDetail} /> : null}
      </section>
      <ResponsesSection detail={detail} />
      {started && !detail.cancelled ? (
        <>
          <DecisionsSection detail={detail} onChange={setDetail} />
          <MinutesSection detail={detail} onChange={setDetail} />
        </>
      ) : null}
    </div>
  );
}
