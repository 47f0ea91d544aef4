import type { Attachment } from '@kumiai/shared';
import { useEffect, useState } from 'react';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { fileUrl } from '../../api/files.ts';
import { cachedFile } from './file-cache.ts';

function sizeText(bytes: number): string {
  return bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1000))} KB`;
}

/**
 * One attachment, opened from the device's copy (a blob: URL), so it works with
 * no network; until that copy is there, the server's address.
 */
export function AttachmentItem({ memberId, file }: { memberId: string; file: Attachment }) {
  const { m } = useI18n();
  const [blobUrl, setBlobUrl] = useState<string | null>(null);
  useEffect(() => {
    let url: string | null = null;
    let cancelled = false;
    void cachedFile(memberId, file.hash).then((blob) => {
      if (cancelled || !blob) return;
      url = URL.createObjectURL(new Blob([blob], { type: file.type }));
      setBlobUrl(url);
    });
    return () => {
      cancelled = true;
      if (url) URL.revokeObjectURL(url);
    };
  }, [memberId, file.hash, file.type]);
  const href = blobUrl ?? fileUrl(file.hash);
  const note = blobUrl ? m.notices.fileOffline : m.notices.fileNotCached;
  if (file.type.startsWith('image/')) {
    return (
      <li className="attachment" data-testid="notice-attachment" data-cached={blobUrl ? 'true' : 'false'}>
        {blobUrl ? <img className="attachment-image" src={blobUrl} alt={file.name} /> : null}
        <p className="muted">
          {file.name} ({sizeText(file.size)}) · {note}
        </p>
      </li>
    );
  }
  return (
    <li className="attachment" data-testid="notice-attachment" data-cached={blobUrl ? 'true' : 'false'}>
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
