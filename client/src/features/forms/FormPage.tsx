import './forms.css';
import { surveySubmissionId, type Answers } from '@kumiai/shared';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { pickText } from '../../ui/content-language.ts';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { formatDateTime } from '../../ui/dates.ts';
import { useSession } from '../auth/index.ts';
import { FormEditor, type Written } from './FormEditor.tsx';
import { FormHeader } from './FormHeader.tsx';
import { SendConfirmation } from './SendConfirmation.tsx';
import { StatusChip } from './StatusChip.tsx';
import { SubmissionAnswers } from './SubmissionAnswers.tsx';
import { SubmissionRejections } from './SubmissionRejections.tsx';
import { surveyAnswerEditable } from './submission-doc.ts';
import { SurveyPrivacy } from './SurveyPrivacy.tsx';
import { attemptedAnswers, refusedSince, useSubmissionRejections } from './use-form-rejections.ts';
import { useFormDoc, usePendingSubmissionIds, useSubmissionDoc } from './use-forms.ts';
import { useNow } from './use-now.ts';

interface Editing {
  submissionId: string | null;
  answers: Answers;
  /** The rejection being fixed, dismissed once the corrected attempt is written. */
  fixing: string | null;
  n: number;
}

/** /forms/$formId: answer a survey (saying exactly what officers see) or start an application. */
export function FormPage({ formId }: { formId: string }) {
  const { m, lang } = useI18n();
  const { me } = useSession();
  const form = useFormDoc(formId);
  useDocumentTitle(form ? pickText(form.title, form.titleEn, lang).text : m.forms.title);
  const memberId = me?.member.id ?? '';
  const survey = form?.kind === 'survey';
  const mySurvey = useSubmissionDoc(survey ? surveySubmissionId(formId, memberId) : null);
  const pending = usePendingSubmissionIds();
  const { rejections, dismiss } = useSubmissionRejections({ formId });
  const now = useNow();
  const [written, setWritten] = useState<Written | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);

  if (!me) return null;
  if (form === undefined) {
    return (
      <p className="card muted" role="status">
        {m.app.loading}
      </p>
    );
  }
  if (form === null) {
    return (
      <section className="card stack" aria-labelledby="form-missing" data-testid="form-not-found">
        <h1 id="form-missing">{m.forms.title}</h1>
        <p>{m.forms.notFound}</p>
        <Link to="/forms" className="text-link">
          {m.forms.backToList}
        </Link>
      </section>
    );
  }

  const refused = written ? refusedSince(rejections, written.id, written.at) : false;
  const edit = (next: Omit<Editing, 'n'>) => {
    setWritten(null);
    setEditing((e) => ({ ...next, n: (e?.n ?? 0) + 1 }));
  };
  const onWritten = (w: Written) => {
    if (editing?.fixing) void dismiss(editing.fixing);
    setEditing(null);
    setWritten(w);
  };

  let body;
  if (written && !refused) body = <SendConfirmation written={written} kind={form.kind} refused={refused} />;
  else if (editing) body = <FormEditor key={editing.n} form={form} memberId={memberId} submissionId={editing.submissionId} initialAnswers={editing.answers} onWritten={onWritten} />;
  else if (survey && mySurvey === undefined) body = null;
  else if (survey && mySurvey) {
    body = (
      <section className="stack" aria-labelledby="answered-title" data-testid="survey-answered">
        <h2 id="answered-title">{m.forms.yourAnswer}</h2>
        <StatusChip sub={mySurvey} pending={pending.has(mySurvey.id)} />
        <p data-testid="survey-answered-on">{format(m.forms.answeredOn, { date: formatDateTime(mySurvey.submittedAt ?? mySurvey.createdAt, lang) })}</p>
        {/* An anonymous answer is never shown, not even the device's own copy before it is sent. */}
        {mySurvey.anonymous ? <p className="muted">{m.forms.anonymousHidden}</p> : <SubmissionAnswers fields={form.fields} answers={mySurvey.answers} memberId={memberId} />}
        {surveyAnswerEditable(form, now) ? (
          <p>
            <button type="button" className="button" onClick={() => edit({ submissionId: mySurvey.id, answers: mySurvey.answers, fixing: null })} data-testid="survey-change-answer">
              {m.forms.changeAnswer}
            </button>
          </p>
        ) : null}
      </section>
    );
  } else body = <FormEditor form={form} memberId={memberId} submissionId={null} initialAnswers={{}} onWritten={onWritten} />;

  return (
    <section className="card stack" aria-labelledby="form-title" data-testid="form-page" data-form-id={form.id} data-kind={form.kind}>
      <FormHeader form={form} now={now} />
      {survey ? <SurveyPrivacy form={form} /> : null}
      {!survey ? (
        <div className="stack">
          {form.steps.length > 0 ? <p>{format(m.forms.applicationSteps, { n: form.steps.length })}</p> : null}
          <p className="muted">{m.forms.applicationIntro}</p>
        </div>
      ) : null}
      <SubmissionRejections
        rejections={rejections}
        fields={form.fields}
        onFix={(r) => edit({ submissionId: r.id, answers: attemptedAnswers(r), fixing: r.key })}
        onDiscard={(r) => void dismiss(r.key)}
      />
      {body}
      <p>
        <Link to="/forms" className="text-link" data-testid="forms-back">
          {m.forms.backToList}
        </Link>
      </p>
    </section>
  );
}
