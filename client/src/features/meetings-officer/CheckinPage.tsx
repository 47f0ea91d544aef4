import './meetings-officer.css';
import type { MeetingDetail } from '@kumiai/shared';
import { Link } from '@tanstack/react-router';
import { useEffect, useId, useState } from 'react';
import { errorCode } from '../../api/client.ts';
import { format } from '../../i18n/format.ts';
import type { AnyErrorCode } from '../../i18n/types.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { pickText } from '../../ui/content-language.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { useSession } from '../auth/index.ts';
import { mayRunMeetings } from './access.ts';
import type { CheckinQueue, CheckinTarget } from './checkin-queue.ts';
import { loadInvitees, readCheckinCode, storedInvitees, storeInvitees, type Invitee } from './invitees.ts';
import { NotOfficer } from './NotOfficer.tsx';
import { fetchMeeting } from './officer-api.ts';
import { QrScanner } from './QrScanner.tsx';
import { QuorumPanel } from './QuorumPanel.tsx';
import { useCheckinQueue } from './use-checkin-queue.ts';
import { WaitingCheckins } from './WaitingCheckins.tsx';

/** A check-in made now, with a new UUID (the server's idempotency key). */
const addNow = (queue: CheckinQueue, target: CheckinTarget, label: string) => queue.add(target, label, Date.now(), crypto.randomUUID());

/** The door on the day: scan members' QR codes or tick their names (offline too), what waits to be sent, and the live quorum. */
export function CheckinPage({ meetingId }: { meetingId: string }) {
  const { me } = useSession();
  if (!me || !mayRunMeetings(me)) return <NotOfficer />;
  return <Checkin officerId={me.member.id} meetingId={meetingId} />;
}

function Checkin({ officerId, meetingId }: { officerId: string; meetingId: string }) {
  const { m, lang } = useI18n();
  const t = m.meetingsOfficer;
  const [detail, setDetail] = useState<MeetingDetail | null>(null);
  const [invitees, setInvitees] = useState<Invitee[]>(() => storedInvitees(officerId, meetingId));
  const [error, setError] = useState<AnyErrorCode | null>(null);
  const [lastScan, setLastScan] = useState<string | null>(null);
  const [ticked, setTicked] = useState<ReadonlySet<string>>(() => new Set());
  const [filter, setFilter] = useState('');
  const filterId = useId();
  const { queue, state } = useCheckinQueue(officerId, meetingId);
  useEffect(() => {
    const controller = new AbortController();
    fetchMeeting(meetingId, controller.signal).then(setDetail, (e: unknown) => controller.signal.aborted || setError(errorCode(e)));
    loadInvitees(meetingId, controller.signal).then(
      (list) => {
        setInvitees(list);
        storeInvitees(officerId, meetingId, list);
      },
      () => undefined,
    );
    return () => controller.abort();
  }, [officerId, meetingId]);
  const title = detail ? pickText(detail.title, detail.titleEn, lang).text : '';
  useDocumentTitle(format(t.checkinTitle, { title }));
  const nameOf = new Map(invitees.map((x) => [x.memberId, x.name]));
  const checkIn = (memberId: string, name: string) => {
    addNow(queue, { memberId }, name);
    setTicked((s) => new Set(s).add(memberId));
    void queue.flush();
  };
  const onCode = (text: string) => {
    const read = readCheckinCode(text);
    const label = read ? (nameOf.get(read.memberId) ?? t.scannedLabel) : t.scannedLabel;
    // Sent even when it does not look like this meeting's: the server says why it refuses (forged, another meeting).
    if (addNow(queue, { code: text }, label)) {
      setLastScan(label);
      if (read) setTicked((s) => new Set(s).add(read.memberId));
      void queue.flush();
    }
  };
  const shown = filter.trim() ? invitees.filter((x) => x.name.includes(filter.trim())) : invitees;
  const waiting = new Set(state.pending.flatMap((c) => (c.memberId ? [c.memberId] : [])));
  return (
    <div className="stack" data-testid="meeting-checkin">
      <section className="card stack" aria-labelledby="checkin-title">
        <p>
          <Link to="/meetings/manage/$meetingId" params={{ meetingId }}>
            {title || t.back}
          </Link>
        </p>
        <h1 id="checkin-title" className="meeting-wrap">
          {format(t.checkinTitle, { title })}
        </h1>
        <ErrorAlert code={error} />
        {state.error === 'network_failed' ? (
          <p role="status" className="notice" data-testid="checkin-offline">
            {t.offline}
          </p>
        ) : null}
        <QrScanner onCode={onCode} />
        {lastScan ? (
          <p role="status" data-testid="qr-last">
            {format(t.scanned, { label: lastScan })}
          </p>
        ) : null}
      </section>
      <QuorumPanel meetingId={meetingId} bump={state.recorded} />
      <WaitingCheckins state={state} onSend={() => void queue.flush()} onDismiss={() => queue.dismissRefused()} />
      <section className="card stack" aria-labelledby="tick-title" data-testid="checkin-list">
        <h2 id="tick-title">{t.tickTitle}</h2>
        <div className="field">
          <label className="field-label" htmlFor={filterId}>
            {t.filter}
          </label>
          <input id={filterId} className="text-input" type="search" value={filter} onChange={(e) => setFilter(e.target.value)} maxLength={100} data-testid="checkin-filter" />
        </div>
        <ul className="plain-list">
          {shown.map((x) => {
            const done = ticked.has(x.memberId) || waiting.has(x.memberId) || x.present === true;
            return (
              <li key={x.memberId} className="row-with-action meeting-wrap" data-testid="checkin-invitee" data-member-id={x.memberId}>
                <span>{x.name}</span>
                {done ? (
                  <span className="badge" data-testid="checkin-done">
                    {waiting.has(x.memberId) ? t.waiting : t.checkedIn}
                  </span>
                ) : (
                  <button type="button" className="button button-small" onClick={() => checkIn(x.memberId, x.name)} data-testid="checkin-tick">
                    {format(t.checkIn, { name: x.name })}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}
