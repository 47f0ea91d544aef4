import '../../ui/content.css';
import type { Attachment, Audience } from '@kumiai/shared';
import { useNavigate } from '@tanstack/react-router';
import { useId, useState, type FormEvent } from 'react';
import { errorCode } from '../../api/client.ts';
import type { AnyErrorCode } from '../../i18n/types.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { EnglishVersion } from '../../ui/EnglishVersion.tsx';
import { pickText } from '../../ui/content-language.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { TextAreaField } from '../../ui/TextAreaField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { AudiencePicker } from '../../ui/AudiencePicker.tsx';
import { usePublishScope } from '../../ui/use-publish-scope.ts';
import { useActor } from '../auth/index.ts';
import { createDocument } from './documents-api.ts';
import { FileField } from './FileField.tsx';
import { useLibrary } from './use-documents.ts';

const noOne: Audience = { all: false, units: [], roles: [], members: [] };

/** Officers add a document to a folder, for an audience within their scope, with its first file (POST /api/documents). */
export function DocumentEditorPage() {
  const { m, lang } = useI18n();
  useDocumentTitle(m.documents.newTitle);
  const actor = useActor();
  const navigate = useNavigate();
  const scope = usePublishScope(actor);
  const folders = (useLibrary() ?? []).filter((d) => d.kind === 'folder');
  const folderFieldId = useId();
  const [folderId, setFolderId] = useState('');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [titleEn, setTitleEn] = useState('');
  const [descriptionEn, setDescriptionEn] = useState('');
  const [keepOffline, setKeepOffline] = useState(false);
  const [audience, setAudience] = useState<Audience>(noOne);
  const [file, setFile] = useState<Attachment | null>(null);
  const [uploading, setUploading] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AnyErrorCode | null>(null);
  const [missing, setMissing] = useState<'folder' | 'title' | 'audience' | 'file' | null>(null);

  const folder = folderId || folders[0]?.id || '';
  const target: Audience = audience.all ? { all: true, units: [], roles: [], members: [] } : audience;
  const hasAudience = target.all || target.units.length > 0 || target.roles.length > 0;

  async function submit(): Promise<void> {
    if (!folder) return setMissing('folder');
    if (!title.trim()) return setMissing('title');
    if (!hasAudience) return setMissing('audience');
    if (!file) return setMissing('file');
    setMissing(null);
    setBusy(true);
    setError(null);
    try {
      const { id } = await createDocument({ folderId: folder, title: title.trim(), description, titleEn: titleEn.trim(), descriptionEn, audience: target, keepOffline, file });
      await navigate({ to: '/documents/$documentId', params: { documentId: id } });
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
    <section className="card stack" aria-labelledby="document-editor-title" data-testid="document-editor">
      <h1 id="document-editor-title">{m.documents.newTitle}</h1>
      <form className="stack" onSubmit={onSubmit} noValidate>
        <ErrorAlert code={error} testId="document-editor-error" />
        <div className="field">
          <label className="field-label" htmlFor={folderFieldId}>
            {m.documents.folder}
          </label>
          <select id={folderFieldId} className="text-input" value={folder} onChange={(e) => setFolderId(e.target.value)} data-testid="document-folder">
            {folders.map((f) => (
              <option key={f.id} value={f.id}>
                {pickText(f.title, f.titleEn, lang).text}
              </option>
            ))}
          </select>
          {missing === 'folder' ? <p className="field-error">{m.common.required}</p> : null}
        </div>
        <TextField label={m.documents.docTitle} value={title} onValueChange={setTitle} maxLength={200} required error={missing === 'title' ? m.common.required : null} data-testid="document-title-input" />
        <TextAreaField
          label={m.documents.descriptionField}
          value={description}
          onValueChange={setDescription}
          maxLength={10_000}
          className="notice-textarea"
          testId="document-description-input"
        />
        <EnglishVersion hasEnglish={false} testId="document-english">
          <TextField label={m.english.title} lang="en" value={titleEn} onValueChange={setTitleEn} maxLength={200} data-testid="document-title-en-input" />
          <TextAreaField label={m.english.description} lang="en" value={descriptionEn} onValueChange={setDescriptionEn} maxLength={10_000} className="notice-textarea" testId="document-description-en-input" />
        </EnglishVersion>
        <AudiencePicker value={audience} onChange={setAudience} units={scope.units} wholeUnion={scope.wholeUnion} />
        {missing === 'audience' ? (
          <p className="field-error" role="alert" data-testid="document-audience-error">
            {m.notices.audienceNone}
          </p>
        ) : null}
        <label className="check-row">
          <input type="checkbox" checked={keepOffline} onChange={(e) => setKeepOffline(e.target.checked)} data-testid="document-keep-offline" />
          <span>{m.documents.keepOffline}</span>
        </label>
        <FileField label={m.documents.file} value={file} onChange={setFile} onBusy={setUploading} error={missing === 'file' ? m.documents.fileMissing : null} testId="document-file" />
        <button type="submit" className="button button-primary button-large" disabled={busy || uploading} aria-busy={busy} data-testid="document-save">
          {busy ? m.common.sending : m.documents.save}
        </button>
      </form>
    </section>
  );
}
