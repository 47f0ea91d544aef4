import type { Attachment } from '@kumiai/shared';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { sizeText, useFileHref } from '../../ui/files.ts';
import { cachedFile } from './file-cache.ts';

/**
 * One attachment, opened from the device's copy (a blob: URL), so it works with
 * no network; until that copy is there, the server's address. `deviceCopy`
 * looks on another feature's shelf (meeting materials); the notices' by default.
 */
export function AttachmentItem({ memberId, file, deviceCopy }: { memberId: string; file: Attachment; deviceCopy?: (hash: string) => Promise<Blob | null> }) {
  const { m } = useI18n();
  const { href, onDevice } = useFileHref(file, memberId, deviceCopy ?? ((hash) => cachedFile(memberId, hash)));
  const note = onDevice ? m.notices.fileOffline : m.notices.fileNotCached;
  if (file.type.startsWith('image/')) {
    return (
      <li className="attachment" data-testid="notice-attachment" data-cached={onDevice ? 'true' : 'false'}>
        {onDevice ? <img className="attachment-image" src={href} alt={file.name} /> : null}
        <p className="muted">
          {file.name} ({sizeText(file.size)}) · {note}
        </p>
      </li>
    );
  }
  return (
    <li className="attachment" data-testid="notice-attachment" data-cached={onDevice ? 'true' : 'false'}>
      <a className="button attachment-link" href={href} target="_blank" rel="noopener" data-testid="notice-attachment-link">
        <span aria-hidden="true">📄 </span>
        {format(m.notices.openPdf, { name: file.name })}
      </a>
      <p className="muted">
        {sizeText(file.size)} · {note}
      </p>
    </li>
  );
}

export function AttachmentList({ memberId, files }: { memberId: string; files: readonly Attachment[] }) {
  const { m } = useI18n();
  if (files.length === 0) return null;
  return (
    <section className="stack" aria-labelledby="attachments-title">
      <h2 id="attachments-title">{m.notices.attachments}</h2>
      <ul className="plain-list stack">
        {files.map((f) => (
          <AttachmentItem key={f.hash} memberId={memberId} file={f} />
        ))}
      </ul>
    </section>
  );
}
