import { canPublishTo, type NoticeDoc } from '@kumiai/shared';
import { Link } from '@tanstack/react-router';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { formatDate } from '../../ui/dates.ts';
import { useFetched } from '../../ui/use-fetched.ts';
import { pathsOf, useUnitDocs } from '../../ui/use-publish-scope.ts';
import { useActor } from '../auth/index.ts';
import { useNow } from '../forms/index.ts';
import { fetchReadRate } from './notices-api.ts';
import { usePublishedNotices } from './use-notices.ts';

const RECENT_MS = 30 * 24 * 60 * 60 * 1000;
/** At most this many recent notices are asked about (one request each). */
const ASKED = 6;
const pct = (read: number, total: number) => `${total === 0 ? 0 : Math.round((read / total) * 100)}%`;

/** Officer home: the notices this officer may follow up that fewer than half of their readers have opened. */
export function LowReadNoticesCard() {
  const { m, lang } = useI18n();
  const t = m.noticesHome;
  const actor = useActor();
  const units = useUnitDocs();
  const notices = usePublishedNotices();
  const now = useNow();
  const mine: NoticeDoc[] = (notices ?? [])
    .filter((n) => now - n.publishAt < RECENT_MS && actor !== null && (n.authorId === actor.memberId || canPublishTo(actor, n.audience, pathsOf(units), () => null)))
    .sort((a, b) => b.publishAt - a.publishAt)
    .slice(0, ASKED);
  const key = mine.map((n) => n.id).join(',');
  const rates = useFetched(
    (signal) => Promise.all(mine.map(async (notice) => ({ notice, rate: await fetchReadRate(notice.id, signal) }))),
    [key],
  );
  const low = rates.state === 'done' ? rates.value.filter(({ rate }) => rate.total > 0 && rate.read * 2 < rate.total).sort((a, b) => a.rate.read / a.rate.total - b.rate.read / b.rate.total) : [];
  return (
    <section className="stack home-card" aria-labelledby="low-read-title">
      <h3 id="low-read-title">{t.lowReadTitle}</h3>
      {notices === undefined || rates.state === 'loading' ? (
        <p className="muted" role="status">
          {m.app.loading}
        </p>
      ) : rates.state === 'failed' ? (
        <p className="muted">{t.loadFailed}</p>
      ) : low.length === 0 ? (
        <p className="muted">{t.lowReadNone}</p>
      ) : (
        <>
          <p className="muted">{t.lowReadLead}</p>
          <ul className="row-list">
            {low.map(({ notice, rate }) => (
              <li key={notice.id}>
                <Link to="/notices/$noticeId/read-rate" params={{ noticeId: notice.id }} className="row-link">
                  <span className="row-title">{notice.title}</span>
                  <span className="notice-badges">
                    <span className="badge badge-strong">{format(t.readRate, { read: rate.read, total: rate.total, pct: pct(rate.read, rate.total) })}</span>
                  </span>
                  <span className="muted">{formatDate(notice.publishAt, lang)}</span>
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
