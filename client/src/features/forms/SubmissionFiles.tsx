import type { Attachment } from '@kumiai/shared';
import { useEffect, useState } from 'react';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { fileUrl } from '../../api/files.ts';
import { sizeText } from './downscale.ts';
import { outboxFor } from './outbox.ts';

/** One attached file: the device's own copy (outbox) when there is one, so it opens offline; else the server's. */
function SubmissionFile({ memberId, file }: { memberId: string; file: Attachment }) {
  const { m } = useI18n();
  const [blobUrl, setBlobUrl] = useState<string | null>(null);
  useEffect(() => {
    let url: string | null = null;
    let cancelled = false;
    void outboxFor(memberId)
      .get(file.hash)
      .then((hit) => {
        if (cancelled || !hit) return;
        url = URL.createObjectURL(new Blob([hit.blob], { type: file.type }));
        setBlobUrl(url);
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
      if (url) URL.revokeObjectURL(url);
    };
  }, [memberId, file.hash, file.type]);
  const href = blobUrl ?? fileUrl(file.hash);
  const note = blobUrl ? m.forms.file.onDevice : m.forms.file.fromServer;
  return (
    <li className="attachment stack" data-testid="submission-file" data-source={blobUrl ? 'device' : 'server'} data-hash={file.hash}>
      {file.type.startsWith('image/') ? <img className="form-file-image" src={href} alt={file.name} /> : null}
      <a className="text-link" href={href} target="_blank" rel="noopener">
        {format(m.forms.file.open, { name: file.name })}
      </a>
      <span className="muted">
        {sizeText(file.size)} · {note}
      </span>
    </li>
  );
}

export function SubmissionFiles({ memberId, files }: { memberId: string; files: readonly Attachment[] }) {
  return (
    <ul className="plain-list stack form-file-list">
      {files.map((f) => (
        <SubmissionFile key={f.hash} memberId={memberId} file={f} />
      ))}
    </ul>
  );
}
