import './meetings-officer.css';
import { Link } from '@tanstack/react-router';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { pickText } from '../../ui/content-language.ts';
import { formatDateTime } from '../../ui/dates.ts';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { FetchedList } from '../../ui/FetchedList.tsx';
import { useFetched } from '../../ui/use-fetched.ts';
import { useSession } from '../auth/index.ts';
import { mayRunMeetings } from './access.ts';
import { NotOfficer } from './NotOfficer.tsx';
import { listMeetings } from './officer-api.ts';

/** The meetings this officer runs (30 days back to a year ahead), soonest first, with the replies so far. */
export function MeetingsManagePage() {
  const { m, lang } = useI18n();
  const t = m.meetingsOfficer;
  useDocumentTitle(t.listTitle);
  const { me } = useSession();
  const officer = mayRunMeetings(me);
  const list = useFetched((signal) => (officer ? listMeetings(signal) : Promise.resolve([])), [officer]);
  if (!officer) return <NotOfficer />;
  return (
    <section className="card stack" aria-labelledby="meetings-manage-title" data-testid="meetings-manage">
      <h1 id="meetings-manage-title">{t.listTitle}</h1>
      <p className="button-row">
        <Link to="/meetings/manage/new" className="button" data-testid="meeting-new">
          {t.newMeeting}
        </Link>
      </p>
      <FetchedList fetched={list} empty={t.noMeetings}>
        {(items) => (
          <ul className="row-list" data-testid="meetings-list">
            {[...items]
              .sort((a, b) => a.startsAt - b.startsAt)
              .map((x) => {
                const title = pickText(x.title, x.titleEn, lang);
                return (
                  <li key={x.id} className="stack meeting-wrap" data-testid="meeting-row">
                    <Link to="/meetings/manage/$meetingId" params={{ meetingId: x.id }} aria-label={format(t.openLabel, { title: title.text })}>
                      <span lang={title.lang}>{title.text}</span>
                    </Link>
                    <span>
                      <span className="badge">{t.kinds[x.kind]}</span> {x.cancelled ? <span className="badge">{t.cancelledBadge}</span> : null} {formatDateTime(x.startsAt, lang)}
                    </span>
                    <span className="muted">{format(t.answeredSays, { invited: x.invited, ...x.answered })}</span>
                  </li>
                );
              })}
          </ul>
        )}
      </FetchedList>
    </section>
  );
}
