import type { NoticeCommentDoc } from '@kumiai/shared';
import { useState } from 'react';
import { apiPost, errorCode } from '../../api/client.ts';
import { format } from '../../i18n/format.ts';
import type { AnyErrorCode } from '../../i18n/types.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { formatDateTime } from '../../ui/dates.ts';
import { CommentForm } from './CommentForm.tsx';
import { Reactions } from './Reactions.tsx';
import { isWaiting, useNoticeComments } from './use-comments.ts';

interface Props {
  noticeId: string;
  memberId: string;
  memberName: string;
  /** Officers (and the notice's author) may hide comments; the server decides. */
  mayHide: boolean;
}

/** Reactions and comments of a notice that allows them, from the device; hidden comments show only that they were hidden. */
export function NoticeComments({ noticeId, memberId, memberName, mayHide }: Props) {
  const { m, lang } = useI18n();
  const all = useNoticeComments(noticeId);
  const [error, setError] = useState<AnyErrorCode | null>(null);
  if (!all) return null;
  const comments = all.filter((c) => c.kind === 'comment' && (c.text !== '' || c.hidden));
  const reactions = all.filter((c) => c.kind === 'reaction');

  async function hide(comment: NoticeCommentDoc): Promise<void> {
    setError(null);
    try {
      await apiPost(`/api/notices/${encodeURIComponent(noticeId)}/comments/${encodeURIComponent(comment.id)}/hide`, {});
    } catch (e) {
      setError(errorCode(e));
    }
  }

  return (
    <section className="stack" aria-labelledby="comments-title" data-testid="notice-comments">
      <h2 id="comments-title">{m.comments.title}</h2>
      <Reactions noticeId={noticeId} memberId={memberId} reactions={reactions} />
      <ErrorAlert code={error} testId="comment-hide-error" />
      {comments.length === 0 ? (
        <p className="muted">{m.comments.none}</p>
      ) : (
        <ul className="plain-list stack">
          {comments.map((c) => (
            <li key={c.id} className="comment" data-testid="comment" data-comment-id={c.id} data-hidden={c.hidden ? 'true' : 'false'} data-waiting={isWaiting(c) ? 'true' : 'false'}>
              <p className="muted">
                {c.authorName ?? ''} · {formatDateTime(c.createdAt, lang)}
                {isWaiting(c) ? <span className="badge comment-waiting">{m.comments.waiting}</span> : null}
              </p>
              {c.hidden ? <p className="muted">{m.comments.hidden}</p> : <p className="comment-text">{c.text}</p>}
              {mayHide && !c.hidden && !isWaiting(c) ? (
                <button type="button" className="button button-small" onClick={() => void hide(c)} aria-label={format(m.comments.hideLabel, { name: c.authorName ?? '' })} data-testid="comment-hide">
                  {m.comments.hide}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <CommentForm noticeId={noticeId} memberId={memberId} memberName={memberName} />
    </section>
  );
}
