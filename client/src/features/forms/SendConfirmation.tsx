import { Link } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useSyncStatus } from '../../sync/use-sync-status.ts';
import type { Written } from './FormEditor.tsx';
import { usePendingSubmissionIds } from './use-forms.ts';

/**
 * After sending: "waiting to send" while the write is on the device only
 * (offline), "sent" once the server has it. A refusal is shown by the
 * rejection panel on the same page instead.
 */
export function SendConfirmation({ written, kind, refused }: { written: Written; kind: 'survey' | 'application'; refused: boolean }) {
  const { m } = useI18n();
  const { online } = useSyncStatus();
  const pending = usePendingSubmissionIds();
  const heading = useRef<HTMLHeadingElement>(null);
  const [sawPending, setSawPending] = useState(false);
  const [grace, setGrace] = useState(true);
  const isPending = pending.has(written.id);
  if (isPending && !sawPending) setSawPending(true);
  useEffect(() => {
    heading.current?.focus();
    // The pending record is written just after the document: until it shows (or a moment passes), do not claim "sent".
    const timer = setTimeout(() => setGrace(false), 1500);
    return () => clearTimeout(timer);
  }, []);
  if (refused) return null;
  const draft = written.state === 'draft';
  const waiting = isPending || !online || (grace && !sawPending);
  const title = draft ? m.forms.draftSavedTitle : waiting ? m.forms.waitingTitle : m.forms.sentTitle;
  return (
    <section className={`notice ${waiting ? 'notice-warning' : 'notice-success'} stack`} aria-labelledby="form-sent-title" data-testid="form-confirmation" data-waiting={waiting ? 'true' : 'false'} data-state={written.state}>
      <h2 id="form-sent-title" ref={heading} tabIndex={-1}>
        {title}
      </h2>
      <p role="status">{waiting ? m.forms.waitingBody : m.forms.sentBody}</p>
      <p className="button-row">
        {kind === 'application' ? (
          <Link to="/submissions/$submissionId" params={{ submissionId: written.id }} className="button" data-testid="form-view-submission">
            {m.forms.viewSubmission}
          </Link>
        ) : null}
        <Link to="/forms" className="button" data-testid="form-back">
          {m.forms.backToList}
        </Link>
      </p>
    </section>
  );
}
