import '../../ui/content.css';
import { Link } from '@tanstack/react-router';
import { shownNoticeCategory } from '@kumiai/shared';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { pickText } from '../../ui/content-language.ts';
import { formatDateTime } from '../../ui/dates.ts';
import { usePublishedNotices, useReadIds } from './use-notices.ts';

/**
 * The member's notices from the device (also offline): pinned first, newest first, unread marked.
 * `page` (/notices) lists them all under the page's heading; `home` only the unread ones, with a link to all.
 */
export function NoticeFeed({ variant }: { variant: 'home' | 'page' }) {
  const { m, lang } = useI18n();
  const all = usePublishedNotices();
  const reads = useReadIds();
  const home = variant === 'home';
  const notices = home && all && reads ? all.filter((n) => !reads.has(n.id)) : all;
  return (
    <section className="stack" aria-labelledby="feed-title" data-testid="notice-feed">
      {home ? <h2 id="feed-title">{m.noticesHome.unreadTitle}</h2> : <h1 id="feed-title">{m.notices.feedTitle}</h1>}
      {notices === undefined || reads === undefined ? (
        <p className="muted" role="status">
          {m.app.loading}
        </p>
      ) : notices.length === 0 ? (
        <p className="muted" data-testid="notice-feed-empty">
          {home ? m.noticesHome.noUnread : m.notices.feedEmpty}
        </p>
      ) : (
        <ul className="row-list notice-list">
          {notices.map((n) => {
            const unread = !reads.has(n.id);
            const title = pickText(n.title, n.titleEn, lang);
            return (
              <li key={n.id}>
                <Link
                  to="/notices/$noticeId"
                  params={{ noticeId: n.id }}
                  className="row-link notice-row"
                  data-testid="notice-item"
                  data-notice-id={n.id}
                  data-unread={unread ? 'true' : 'false'}
                >
                  <span className="notice-badges">
                    {n.pinned ? <span className="badge">{m.notices.pinned}</span> : null}
                    {unread ? <span className="badge badge-strong">{m.notices.unread}</span> : null}
                    {shownNoticeCategory(n.category) ? <span className="badge">{n.category}</span> : null}
                    {n.origin ? (
                      <span className="badge" data-testid="notice-origin">
                        {format(m.notices.fromOrigin, { origin: n.origin })}
                      </span>
                    ) : null}
                    {(n.attachments?.length ?? 0) > 0 ? (
                      <span className="badge">
                        <span aria-hidden="true">📎 </span>
                        {m.notices.hasAttachments}
                      </span>
                    ) : null}
                  </span>
                  <span className={unread ? 'row-title notice-title-unread' : 'row-title'} lang={title.lang}>
                    {title.text}
                  </span>
                  <span className="muted">
                    {formatDateTime(n.publishAt, lang)} · {n.authorName}
                  </span>
                </Link>
              </li>
            );
          })}
        </ul>
      )}
      {home ? (
        <p>
          <Link to="/notices" className="text-link">
            {m.noticesHome.allNotices}
          </Link>
        </p>
      ) : null}
    </section>
  );
}
