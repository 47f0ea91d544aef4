import type { Attachment } from '@kumiai/shared';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { sizeText, useFileHref } from '../../ui/files.ts';
import { outboxFor } from './outbox.ts';

/** One attached file: the device's own copy (outbox) when there is one, so it opens offline; else the server's. */
function SubmissionFile({ memberId, file }: { memberId: string; file: Attachment }) {
  const { m } = useI18n();
  const { href, onDevice } = useFileHref(file, memberId, async (hash) => (await outboxFor(memberId).get(hash))?.blob ?? null);
  const note = onDevice ? m.forms.file.onDevice : m.forms.file.fromServer;
  return (
    <li className="attachment stack" data-testid="submission-file" data-source={onDevice ? 'device' : 'server'} data-hash={file.hash}>
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
