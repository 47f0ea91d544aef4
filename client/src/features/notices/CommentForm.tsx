import { useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useSyncDatabase } from '../../sync/SyncProvider.tsx';
import { TextAreaField } from '../../ui/TextAreaField.tsx';
import { newComment } from './use-comments.ts';

/** Writes a comment to the device (offline too); the sync engine sends it, and the list shows it as waiting until then. */
export function CommentForm({ noticeId, memberId, memberName }: { noticeId: string; memberId: string; memberName: string }) {
  const { m } = useI18n();
  const db = useSyncDatabase();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(): Promise<void> {
    const body = text.trim();
    if (!db || !body) return;
    setBusy(true);
    try {
      await db.notice_comments.insert(newComment(noticeId, memberId, memberName, body.slice(0, 2000)));
      setText('');
    } finally {
      setBusy(false);
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (!busy) void submit();
  }

  return (
    <form className="stack" onSubmit={onSubmit} data-testid="comment-form">
      <TextAreaField label={m.comments.add} value={text} onValueChange={setText} maxLength={2000} className="comment-textarea" testId="comment-input" />
      <button type="submit" className="button button-primary" disabled={busy || !text.trim()} data-testid="comment-send">
        {m.comments.send}
      </button>
    </form>
  );
}
