import '../../ui/content.css';
import { shownNoticeCategory, type Attachment, type Audience, type NoticeDoc, type NoticeInput } from '@kumiai/shared';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { errorCode } from '../../api/client.ts';
import type { AnyErrorCode } from '../../i18n/types.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { EnglishVersion } from '../../ui/EnglishVersion.tsx';
import { TextAreaField } from '../../ui/TextAreaField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { AudiencePicker } from '../../ui/AudiencePicker.tsx';
import { fromLocalInput } from '../../ui/dates.ts';
import { usePublishScope } from '../../ui/use-publish-scope.ts';
import { useActor } from '../auth/index.ts';
import { AttachmentPicker } from './AttachmentPicker.tsx';
import { BodyEditor } from './BodyEditor.tsx';
import { publishNotice, updateNotice } from './notices-api.ts';
import { useNotice } from './use-notices.ts';
import { useMayEditNotice } from './use-may-edit-notice.ts';

const noOne: Audience = { all: false, units: [], roles: [], members: [] };

/** Officers write a notice for their own scope, preview it, attach files and publish (POST /api/notices). */
export function NoticeEditorPage() {
  return <NoticeForm />;
}

/** The author or an officer of a notice edits it, prefilled from the copy on the device (PUT /api/notices/:id keeps the history). */
export function NoticeEditPage({ noticeId }: { noticeId: string }) {
  const { m } = useI18n();
  const actor = useActor();
  const notice = useNotice(noticeId);
  const mayEdit = useMayEditNotice(actor, notice);
  if (notice && actor && mayEdit) return <NoticeForm key={notice.id} editing={notice} />;
  const message = notice === undefined || !actor ? m.app.loading : notice === null ? m.notices.notOnDevice : m.notices.editNotAllowed;
  return (
    <section className="card stack" aria-labelledby="editor-title" data-testid="notice-edit-unavailable">
      <h1 id="editor-title">{m.notices.editTitle}</h1>
      <p className={notice === undefined ? 'muted' : undefined} role="status">
        {message}
      </p>
      <p>
        <Link to="/notices/$noticeId" params={{ noticeId }} className="text-link">
          {m.notices.backToNotice}
        </Link>
      </p>
    </section>
  );
}

function NoticeForm({ editing }: { editing?: NoticeDoc }) {
  const { m } = useI18n();
  const heading = editing ? m.notices.editTitle : m.notices.editorTitle;
  useDocumentTitle(heading);
  const actor = useActor();
  const navigate = useNavigate();
  const scope = usePublishScope(actor);
  const [title, setTitle] = useState(editing?.title ?? '');
  const [body, setBody] = useState(editing?.body ?? '');
  const [titleEn, setTitleEn] = useState(editing?.titleEn ?? '');
  const [bodyEn, setBodyEn] = useState(editing?.bodyEn ?? '');
  const [category, setCategory] = useState(shownNoticeCategory(editing?.category) ?? '');
  const [pinned, setPinned] = useState(editing?.pinned ?? false);
  const [allowComments, setAllowComments] = useState(editing?.allowComments ?? false);
  const [audience, setAudience] = useState<Audience>(editing?.audience ?? noOne);
  const [publishAt, setPublishAt] = useState('');
  const [expiresAt, setExpiresAt] = useState('');
  const [attachments, setAttachments] = useState<Attachment[]>(editing?.attachments ?? []);
  const [uploading, setUploading] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AnyErrorCode | null>(null);
  const [missing, setMissing] = useState<'title' | 'audience' | null>(null);

  const target: Audience = audience.all ? { all: true, units: [], roles: [], members: [] } : audience;
  const hasAudience = target.all || target.units.length > 0 || target.roles.length > 0;

  async function submit(): Promise<void> {
    if (!title.trim()) return setMissing('title');
    if (!hasAudience) return setMissing('audience');
    setMissing(null);
    setBusy(true);
    setError(null);
    const at = fromLocalInput(publishAt);
    const until = fromLocalInput(expiresAt);
    const input: NoticeInput = {
      title: title.trim(),
      body,
      // Empty English is sent as such: on an edit it removes the English.
      titleEn: titleEn.trim(),
      bodyEn,
      pinned,
      allowComments,
      audience: target,
      attachments,
      ...(category.trim() ? { category: category.trim() } : {}),
      ...(at !== null ? { publishAt: at } : {}),
      ...(until !== null ? { expiresAt: until } : {}),
    };
    try {
      let id: string;
      if (editing) {
        await updateNotice(editing.id, input);
        id = editing.id;
      } else id = (await publishNotice(input)).id;
      await navigate({ to: '/notices/$noticeId', params: { noticeId: id } });
    } catch (e) {
      setError(errorCode(e));
      setBusy(false);
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (!busy && !uploading) void submit();
  }

  return (
    <section className="card stack" aria-labelledby="editor-title" data-testid="notice-editor">
      <h1 id="editor-title">{heading}</h1>
      <form className="stack" onSubmit={onSubmit} noValidate>
        <ErrorAlert code={error} testId="notice-editor-error" />
        <TextField label={m.notices.title} value={title} onValueChange={setTitle} maxLength={200} required error={missing === 'title' ? m.common.required : null} data-testid="notice-title-input" />
        <BodyEditor value={body} onChange={setBody} />
        <EnglishVersion hasEnglish={Boolean(editing?.titleEn || editing?.bodyEn)} testId="notice-english">
          <TextField label={m.english.subject} value={titleEn} onValueChange={setTitleEn} maxLength={200} lang="en" data-testid="notice-title-en-input" />
          <TextAreaField label={m.english.body} value={bodyEn} onValueChange={setBodyEn} maxLength={100_000} className="text-input notice-textarea" lang="en" testId="notice-body-en-input" />
        </EnglishVersion>
        <TextField label={m.notices.category} hint={m.notices.categoryHint} value={category} onValueChange={setCategory} maxLength={40} data-testid="notice-category-input" />
        <label className="check-row">
          <input type="checkbox" checked={pinned} onChange={(e) => setPinned(e.target.checked)} data-testid="notice-pinned" />
          <span>{m.notices.pinnedLabel}</span>
        </label>
        <label className="check-row">
          <input type="checkbox" checked={allowComments} onChange={(e) => setAllowComments(e.target.checked)} data-testid="notice-allow-comments" />
          <span>{m.notices.allowComments}</span>
        </label>
        <AudiencePicker value={audience} onChange={setAudience} units={scope.units} wholeUnion={scope.wholeUnion} />
        {missing === 'audience' ? (
          <p className="field-error" role="alert" data-testid="notice-audience-error">
            {m.notices.audienceNone}
          </p>
        ) : null}
        {editing ? null : (
          <>
            <TextField label={m.notices.schedule} type="datetime-local" value={publishAt} onValueChange={setPublishAt} data-testid="notice-publish-at" />
            <TextField label={m.notices.expires} type="datetime-local" value={expiresAt} onValueChange={setExpiresAt} data-testid="notice-expires-at" />
          </>
        )}
        <AttachmentPicker value={attachments} onChange={setAttachments} onBusy={setUploading} />
        <button type="submit" className="button button-primary button-large" disabled={busy || uploading} aria-busy={busy} data-testid="notice-publish">
          {busy ? m.common.sending : editing ? m.notices.saveEdit : m.notices.publish}
        </button>
      </form>
    </section>
  );
}
