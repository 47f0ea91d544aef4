import '../../ui/content.css';
import { scopeRoots, shownNoticeCategory } from '@kumiai/shared';
import { Link } from '@tanstack/react-router';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { noticeText } from '../../ui/content-language.ts';
import { formatDateTime } from '../../ui/dates.ts';
import { mayUse, useActor } from '../auth/index.ts';
import { useSession } from '../auth/index.ts';
import { AttachmentList } from './AttachmentList.tsx';
import { NoticeComments } from './NoticeComments.tsx';
import { NoticeHistory } from './NoticeHistory.tsx';
import { NoticeMarkdown } from './NoticeMarkdown.tsx';
import { useNotice } from './use-notices.ts';
import { useMayEditNotice } from './use-may-edit-notice.ts';
import { useReadReceipt } from './use-read-receipt.ts';

/** One notice, read from the device (also offline); opening it records the member's read. */
export function NoticePage({ noticeId }: { noticeId: string }) {
  const { m, lang } = useI18n();
  const notice = useNotice(noticeId);
  const actor = useActor();
  const { me } = useSession();
  const text = notice ? noticeText(notice, lang) : null;
  useDocumentTitle(text?.title.text ?? m.notices.feedTitle);
  useReadReceipt(notice);
  const mayEdit = useMayEditNotice(actor, notice);
  if (notice === undefined || !actor) {
    return (
      <section className="card stack" aria-labelledby="notice-title">
        <h1 id="notice-title">{m.notices.feedTitle}</h1>
        <p className="muted" role="status">
          {m.app.loading}
        </p>
      </section>
    );
  }
  if (notice === null) {
    return (
      <section className="card stack" aria-labelledby="notice-title" data-testid="notice-missing">
        <h1 id="notice-title">{m.notices.feedTitle}</h1>
        <p role="status">{m.notices.notOnDevice}</p>
        <p>
          <Link to="/notices" className="text-link">
            {m.notices.backToFeed}
          </Link>
        </p>
      </section>
    );
  }
  const mayReadRates = notice.authorId === actor.memberId || scopeRoots(actor, 'notice.read_rates').length > 0;
  return (
    <article className="card stack" aria-labelledby="notice-title" data-testid="notice-view" data-notice-id={notice.id}>
      <h1 id="notice-title" lang={text?.title.lang}>
        {text?.title.text}
      </h1>
      {notice.origin ? (
        <p className="badge" data-testid="notice-origin">
          {format(m.notices.fromOrigin, { origin: notice.origin })}
        </p>
      ) : null}
      <dl className="facts">
        <dt>{m.notices.publishedAt}</dt>
        <dd>{formatDateTime(notice.publishAt, lang)}</dd>
        <dt>{m.notices.author}</dt>
        <dd>{notice.authorName}</dd>
        {shownNoticeCategory(notice.category) ? (
          <>
            <dt>{m.notices.category}</dt>
            <dd>{notice.category}</dd>
          </>
        ) : null}
        {notice.status !== 'published' ? (
          <>
            <dt>{m.notices.statusLabel}</dt>
            <dd>{m.notices.statuses[notice.status]}</dd>
          </>
        ) : null}
      </dl>
      <NoticeMarkdown text={text?.body.text ?? notice.body} lang={text?.body.lang} testId="notice-body" />
      <AttachmentList memberId={actor.memberId} files={notice.attachments ?? []} />
      {notice.allowComments ? (
        <NoticeComments noticeId={notice.id} memberId={actor.memberId} memberName={me?.member.name ?? ''} mayHide={notice.authorId === actor.memberId || mayUse(me, 'notices')} />
      ) : null}
      {mayReadRates || mayEdit ? (
        <p className="button-row">
          {mayEdit ? (
            <Link to="/notices/$noticeId/edit" params={{ noticeId: notice.id }} className="button" data-testid="notice-edit-link">
              {m.notices.edit}
            </Link>
          ) : null}
          {mayReadRates ? (
            <Link to="/notices/$noticeId/read-rate" params={{ noticeId: notice.id }} className="button" data-testid="notice-read-rate-link">
              {m.notices.readRateLink}
            </Link>
          ) : null}
        </p>
      ) : null}
      {mayEdit ? <NoticeHistory noticeId={notice.id} version={notice.version} /> : null}
      <p>
        <Link to="/notices" className="text-link">
          {m.notices.backToFeed}
        </Link>
      </p>
    </article>
  );
}
