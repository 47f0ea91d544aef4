import type { ConsultationFile } from '@kumiai/shared';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { sizeText } from '../../ui/files.ts';
import { consultationFileUrl } from './consultations-api.ts';

/** A case's or a reply's files: each opens from the server (kept encrypted there, never on other devices). */
export function AttachmentLinks({ files }: { files: readonly ConsultationFile[] }) {
  const { m } = useI18n();
  const t = m.consultations;
  if (files.length === 0) return null;
  return (
    <ul className="plain-list stack">
      {files.map((f) => (
        <li key={f.id}>
          <a className="text-link" href={consultationFileUrl(f.id)} target="_blank" rel="noopener" data-testid="consultation-attachment">
            {format(t.openFile, { name: f.name })}
          </a>{' '}
          <span className="muted">({sizeText(f.size)})</span>
        </li>
      ))}
    </ul>
  );
}
