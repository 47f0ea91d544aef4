import './forms.css';
import type { Answers } from '@kumiai/shared';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useSyncDatabase } from '../../sync/SyncProvider.tsx';
import { pickText } from '../../ui/content-language.ts';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { formatDateTime } from '../../ui/dates.ts';
import { useSession } from '../auth/index.ts';
import { FormEditor, type Written } from './FormEditor.tsx';
import { SendConfirmation } from './SendConfirmation.tsx';
import { StatusChip } from './StatusChip.tsx';
import { SubmissionAnswers } from './SubmissionAnswers.tsx';
import { SubmissionHistory } from './SubmissionHistory.tsx';
import { SubmissionRejections } from './SubmissionRejections.tsx';
import { applicationEditable, applicationWithdrawable } from './submission-doc.ts';
import { attemptedAnswers, refusedSince, useSubmissionRejections } from './use-form-rejections.ts';
import { useFormDoc, usePendingSubmissionIds, useSubmissionDoc } from './use-forms.ts';
import { WithdrawButton } from './WithdrawButton.tsx';
import { withdrawSubmission } from './write-submission.ts';

interface Editing {
  answers: Answers;
  fixing: string | null;
  n: number;
}

/** /submissions/$submissionId: my application — status and step, history with comments, attachments, withdraw, edit and submit again. */
export function SubmissionPage({ submissionId }: { submissionId: string }) {
  const { m, lang } = useI18n();
  const { me } = useSession();
  const db = useSyncDatabase();
  const sub = useSubmissionDoc(submissionId);
  const { rejections, dismiss } = useSubmissionRejections({ id: submissionId });
  const formId = sub?.formId ?? (typeof rejections[0]?.attempted.formId === 'string' ? rejections[0].attempted.formId : '');
  const form = useFormDoc(formId);
  const pending = usePendingSubmissionIds();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [written, setWritten] = useState<Written | null>(null);
  const formTitle = form ? pickText(form.title, form.titleEn, lang) : null;
  useDocumentTitle(formTitle?.text ?? m.forms.submission.title);
  if (!me) return null;
  const memberId = me.member.id;

  if (sub === undefined) {
    return (
      <p className="card muted" role="status">
        {m.app.loading}
      </p>
    );
  }
  const refused = written ? refusedSince(rejections, written.id, written.at) : false;
  const edit = (next: Omit<Editing, 'n'>) => {
    setWritten(null);
    setEditing((e) => ({ ...next, n: (e?.n ?? 0) + 1 }));
  };

  return (
    <section className="card stack" aria-labelledby="submission-title" data-testid="submission-page" data-submission-id={submissionId} data-state={sub?.state ?? ''}>
      <header className="stack">
        <p className="muted">{m.forms.submission.title}</p>
        <h1 id="submission-title" lang={formTitle?.lang}>
          {formTitle?.text ?? m.forms.submission.title}
        </h1>
        {sub ? <StatusChip sub={sub} pending={pending.has(sub.id)} /> : null}
        {sub ? <p className="muted">{sub.submittedAt ? format(m.forms.submission.submittedOn, { date: formatDateTime(sub.submittedAt, lang) }) : format(m.forms.submission.createdOn, { date: formatDateTime(sub.createdAt, lang) })}</p> : null}
      </header>
      {sub === null && rejections.length === 0 ? <p data-testid="submission-not-found">{m.forms.submissionNotFound}</p> : null}
      {sub?.state === 'returned' ? (
        <p className="notice notice-warning" data-testid="submission-returned">
          {m.forms.submission.returnedNote}
        </p>
      ) : null}
      <SubmissionRejections
        rejections={rejections}
        fields={form?.fields ?? []}
        onFix={(r) => edit({ answers: attemptedAnswers(r), fixing: r.key })}
        onDiscard={(r) => void dismiss(r.key)}
      />
      {written && !refused ? <SendConfirmation written={written} kind="application" refused={refused} /> : null}
      {editing && form ? (
        <>
          <FormEditor
            key={editing.n}
            form={form}
            memberId={memberId}
            submissionId={submissionId}
            initialAnswers={editing.answers}
            onWritten={(w) => {
              if (editing.fixing) void dismiss(editing.fixing);
              setEditing(null);
              setWritten(w);
            }}
          />
          <button type="button" className="button" onClick={() => setEditing(null)} data-testid="submission-cancel-edit">
            {m.forms.submission.cancelEdit}
          </button>
        </>
      ) : sub ? (
        <section className="stack" aria-labelledby="answers-title">
          <h2 id="answers-title">{m.forms.submission.answers}</h2>
          {sub.anonymous ? <p className="muted">{m.forms.anonymousHidden}</p> : <SubmissionAnswers fields={form?.fields ?? []} answers={sub.answers} memberId={memberId} />}
          <p className="button-row">
            {form && applicationEditable(sub) ? (
              <button type="button" className="button button-primary" onClick={() => edit({ answers: sub.answers, fixing: null })} data-testid="submission-edit">
                {m.forms.submission.edit}
              </button>
            ) : null}
          </p>
          {applicationWithdrawable(sub) && db ? <WithdrawButton onWithdraw={() => void withdrawSubmission(db, sub.id)} /> : null}
        </section>
      ) : null}
      {sub && sub.kind === 'application' ? <SubmissionHistory history={sub.history} /> : null}
      <p>
        <Link to="/forms" className="text-link" data-testid="forms-back">
          {m.forms.backToList}
        </Link>
      </p>
    </section>
  );
}
