import { formOpen, validateAnswers, type Answers, type FormDoc } from '@kumiai/shared';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useSyncDatabase } from '../../sync/SyncProvider.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { answersToSend, draftProblems } from './answers.ts';
import { ErrorSummary } from './ErrorSummary.tsx';
import { FormFields } from './FormFields.tsx';
import type { RequestedState } from './submission-doc.ts';
import { useNow } from './use-now.ts';
import { writeSubmission } from './write-submission.ts';

export interface Written {
  id: string;
  state: RequestedState;
  at: number;
}

interface Props {
  form: FormDoc;
  memberId: string;
  /** The application being changed (a draft, a returned one, a refused attempt), or null for a new one. Surveys have a fixed id. */
  submissionId: string | null;
  initialAnswers: Answers;
  onWritten: (written: Written) => void;
}

/**
 * Filling in a survey or an application: answers kept as the member types,
 * problems shown inline (and summarised, focused) after the first try to
 * send, then one write through RxDB, online or not.
 */
export function FormEditor({ form, memberId, submissionId, initialAnswers, onWritten }: Props) {
  const { m, lang } = useI18n();
  const db = useSyncDatabase();
  const [answers, setAnswers] = useState<Answers>(initialAnswers);
  const [tried, setTried] = useState<RequestedState | null>(null);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const [focusTick, setFocusTick] = useState(0);
  const summary = useRef<HTMLDivElement>(null);
  const now = useNow();

  const toSend = answersToSend(form.fields, answers);
  const all = validateAnswers(form.fields, toSend);
  const shown = tried === null ? [] : tried === 'draft' ? draftProblems(all) : all;

  useEffect(() => {
    if (focusTick > 0) summary.current?.focus();
  }, [focusTick]);

  // Guides only: the server's clock decides, and refuses with form_closed if it is late.
  const open = formOpen(form, now);
  const survey = form.kind === 'survey';

  async function send(state: RequestedState): Promise<void> {
    setTried(state);
    const problems = state === 'draft' ? draftProblems(all) : all;
    if (problems.length > 0) {
      setFocusTick((n) => n + 1);
      return;
    }
    if (!db) return;
    setBusy(true);
    setFailed(false);
    try {
      const id = await writeSubmission(db, { form, memberId, submissionId, answers: toSend, state });
      onWritten({ id, state, at: Date.now() });
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="stack form-editor"
      noValidate
      data-testid="form-editor"
      onSubmit={(e) => {
        e.preventDefault();
        void send('submitted');
      }}
    >
      <ErrorSummary ref={summary} fields={form.fields} problems={shown} lang={lang} />
      <FormFields fields={form.fields} answers={answers} onChange={setAnswers} problems={shown} lang={lang} disabled={busy} />
      {failed ? <ErrorAlert code="internal" testId="form-write-error" /> : null}
      {!open ? (
        <p className="notice notice-warning" data-testid="form-closed">
          {m.forms.closed}
        </p>
      ) : null}
      <div className="button-row">
        {!survey ? (
          <button type="button" className="button" disabled={busy || form.status !== 'published'} onClick={() => void send('draft')} data-testid="form-save-draft">
            {m.forms.saveDraft}
          </button>
        ) : null}
        <button type="submit" className="button button-primary" disabled={busy || !open} data-testid="form-submit">
          {busy ? m.forms.saving : survey ? m.forms.sendAnswer : m.forms.submitApplication}
        </button>
      </div>
    </form>
  );
}
