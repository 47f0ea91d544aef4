import '../../ui/content.css';
import type { DocumentDoc } from '@kumiai/shared';
import { Link } from '@tanstack/react-router';
import { useI18n } from '../../i18n/use-i18n.ts';
import { pickText, type PickedText } from '../../ui/content-language.ts';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { formatDateTime } from '../../ui/dates.ts';
import { mayUse } from '../auth/index.ts';
import { useSession } from '../auth/index.ts';
import { AddFolderForm } from './AddFolderForm.tsx';
import { useLibrary } from './use-documents.ts';

function DocumentTitle({ title }: { title: PickedText }) {
  return (
    <span className="row-title" lang={title.lang}>
      {title.text}
    </span>
  );
}

/** The documents library from the device (also offline): folders in order, each with its documents newest first. */
export function DocumentsPage() {
  const { m, lang } = useI18n();
  useDocumentTitle(m.documents.title);
  const { me } = useSession();
  const library = useLibrary();
  const folders = library?.filter((d) => d.kind === 'folder') ?? [];
  const inFolder = (folderId: string): DocumentDoc[] => library?.filter((d) => d.kind === 'document' && d.folderId === folderId) ?? [];
  return (
    <section className="card stack" aria-labelledby="documents-title" data-testid="documents-page">
      <h1 id="documents-title">{m.documents.title}</h1>
      {mayUse(me, 'notices') ? (
        <p>
          <Link to="/documents/new" className="button" data-testid="documents-add">
            {m.documents.addDocument}
          </Link>
        </p>
      ) : null}
      {library === undefined ? (
        <p className="muted" role="status">
          {m.app.loading}
        </p>
      ) : folders.length === 0 ? (
        <p className="muted">{m.documents.noFolders}</p>
      ) : (
        folders.map((folder) => {
          const docs = inFolder(folder.id);
          const folderTitle = pickText(folder.title, folder.titleEn, lang);
          return (
            <section key={folder.id} className="stack" aria-labelledby={`folder-${folder.id}`} data-testid="documents-folder" data-folder-id={folder.id}>
              <h2 id={`folder-${folder.id}`}>
                <span aria-hidden="true">📁 </span>
                <span lang={folderTitle.lang}>{folderTitle.text}</span>
              </h2>
              {docs.length === 0 ? (
                <p className="muted">{m.documents.folderEmpty}</p>
              ) : (
                <ul className="row-list">
                  {docs.map((d) => (
                    <li key={d.id}>
                      <Link to="/documents/$documentId" params={{ documentId: d.id }} className="row-link notice-row" data-testid="document-item" data-document-id={d.id}>
                        <DocumentTitle title={pickText(d.title, d.titleEn, lang)} />
                        <span className="muted">
                          {formatDateTime(d.updatedAt, lang)}
                          {d.current ? ` · v${d.current.version}` : ''}
                        </span>
                      </Link>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          );
        })
      )}
      {mayUse(me, 'notices') ? <AddFolderForm /> : null}
    </section>
  );
}
