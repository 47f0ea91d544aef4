import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { fileUrl } from '../../api/files.ts';
import type { FileAnswer } from './answer-text.ts';

/** Attached photos as thumbnails and PDFs as links, served by the server to those allowed to see the application. */
export function FileAnswerList({ files }: { files: FileAnswer }) {
  const { m } = useI18n();
  return (
    <ul className="plain-list stack">
      {files.map((f) => (
        <li key={f.hash}>
          <a href={fileUrl(f.hash)} target="_blank" rel="noopener noreferrer" className="text-link" aria-label={format(m.formsOfficer.attachmentLink, { name: f.name })} data-testid="application-attachment" data-hash={f.hash}>
            {f.type.startsWith('image/') ? <img src={fileUrl(f.hash)} alt={f.name} className="attachment-thumb" loading="lazy" /> : f.name}
          </a>
        </li>
      ))}
    </ul>
  );
}
