import '../../ui/content.css';
import { Link } from '@tanstack/react-router';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { describedText } from '../../ui/content-language.ts';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { formatDateTime } from '../../ui/dates.ts';
import { fileUrl } from '../../api/files.ts';
import { mayUse, useActor } from '../auth/index.ts';
import { useSession } from '../auth/index.ts';
import { AttachmentItem } from '../notices/index.ts';
import { NoticeMarkdown } from '../notices/index.ts';
import { NewVersionForm } from './NewVersionForm.tsx';
import { useLibraryDocument } from './use-documents.ts';

function BackLink() {
  const { m } = useI18n();
  return (
    <p>
      <Link to="/documents" className="text-link">
        {m.documents.back}
      </Link>
    </p>
  );
}

/** One document from the device: its current version (kept on the device when "keep offline"), and the earlier ones. */
export function DocumentPage({ documentId }: { documentId: string }) {
  const { m, lang } = useI18n();
  const doc = useLibraryDocument(documentId);
  const actor = useActor();
  const { me } = useSession();
  const text = doc ? describedText(doc, lang) : null;
  useDocumentTitle(text?.title.text ?? m.documents.title);
  if (doc === undefined || !actor) {
    return (
      <section className="card stack" aria-labelledby="document-title">
        <h1 id="document-title">{m.documents.title}</h1>
        <p className="muted" role="status">
          {m.app.loading}
        </p>
      </section>
    );
  }
  if (doc === null || doc.kind !== 'document') {
    return (
      <section className="card stack" aria-labelledby="document-title" data-testid="document-missing">
        <h1 id="document-title">{m.documents.title}</h1>
        <p role="status">{m.documents.notOnDevice}</p>
        <BackLink />
      </section>
    );
  }
  const earlier = doc.versions.filter((v) => v.version !== doc.current?.version).sort((a, b) => b.version - a.version);
  const mayAddVersion = doc.authorId === actor.memberId || mayUse(me, 'notices');
  return (
    <article className="card stack" aria-labelledby="document-title" data-testid="document-view" data-document-id={doc.id}>
      <h1 id="document-title" lang={text?.title.lang}>
        {text?.title.text}
      </h1>
      <dl className="facts">
        <dt>{m.documents.updatedAt}</dt>
        <dd>{formatDateTime(doc.updatedAt, lang)}</dd>
        {doc.authorName ? (
          <>
            <dt>{m.notices.author}</dt>
            <dd>{doc.authorName}</dd>
          </>
        ) : null}
      </dl>
      {text?.description.text ? <NoticeMarkdown text={text.description.text} lang={text.description.lang} testId="document-description" /> : null}
      {doc.keepOffline ? <p className="muted">{m.documents.keptOffline}</p> : null}
      {doc.current ? (
        <section className="stack" aria-labelledby="current-version-title" data-testid="document-current" data-version={doc.current.version}>
          <h2 id="current-version-title">{format(m.documents.currentVersion, { version: doc.current.version })}</h2>
          {doc.current.note ? <p>{doc.current.note}</p> : null}
          <ul className="plain-list stack">
            <AttachmentItem memberId={actor.memberId} file={doc.current.file} />
          </ul>
        </section>
      ) : null}
      {earlier.length > 0 ? (
        <section className="stack" aria-labelledby="earlier-versions-title">
          <h2 id="earlier-versions-title">{m.documents.earlierVersions}</h2>
          <ul className="plain-list stack" data-testid="document-versions">
            {earlier.map((v) => (
              <li key={v.version} data-testid="document-version">
                <a className="text-link attachment-link" href={fileUrl(v.file.hash)} target="_blank" rel="noopener">
                  {format(m.documents.versionLine, { version: v.version, date: formatDateTime(v.at, lang) })}: {v.file.name}
                </a>
                {v.note ? <p className="muted">{v.note}</p> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {mayAddVersion ? <NewVersionForm documentId={doc.id} /> : null}
      <BackLink />
    </article>
  );
}
