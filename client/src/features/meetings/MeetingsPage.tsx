import { useI18n } from '../../i18n/use-i18n.ts';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { useNow } from '../forms/index.ts';
import { MeetingRow } from './MeetingRow.tsx';
import { orderMeetings, type MyMeeting } from './meetings-logic.ts';
import { useMyMeetings, usePendingRsvpIds } from './use-meetings.ts';
import '../../ui/content.css';

function MeetingList({ id, title, items, now }: { id: string; title: string; items: readonly MyMeeting[]; now: number }) {
  const pending = usePendingRsvpIds();
  if (items.length === 0) return null;
  return (
    <section className="stack" aria-labelledby={id} data-testid={id}>
      <h2 id={id}>{title}</h2>
      <ul className="row-list">
        {items.map((item) => (
          <MeetingRow key={item.meeting.id} item={item} now={now} pending={item.rsvp !== null && pending.has(item.rsvp.id)} />
        ))}
      </ul>
    </section>
  );
}

/** The member's meetings from the device (also offline): upcoming first, soonest first, then past ones. */
export function MeetingsPage() {
  const { m } = useI18n();
  const t = m.meetings;
  useDocumentTitle(t.title);
  const list = useMyMeetings();
  const now = useNow();
  const { upcoming, past } = orderMeetings(list ?? [], now);
  return (
    <section className="card stack" aria-labelledby="meetings-title" data-testid="meetings">
      <h1 id="meetings-title">{t.title}</h1>
      <p className="muted">{t.intro}</p>
      {list === undefined ? (
        <p role="status">{t.loading}</p>
      ) : list.length === 0 ? (
        <p data-testid="meetings-empty">{t.empty}</p>
      ) : (
        <>
          <MeetingList id="meetings-upcoming" title={t.upcoming} items={upcoming} now={now} />
          <MeetingList id="meetings-past" title={t.past} items={past} now={now} />
        </>
      )}
    </section>
  );
}
