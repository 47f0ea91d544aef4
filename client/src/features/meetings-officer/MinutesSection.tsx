import type { MeetingDetail } from '@kumiai/shared';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { formatDateTime } from '../../ui/dates.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { TextAreaField } from '../../ui/TextAreaField.tsx';
import { useAction } from '../../ui/use-action.ts';
import { draftMinutes } from './meeting-form.ts';
import { approveMinutes, saveMinutes } from './officer-api.ts';

interface Props {
  detail: MeetingDetail;
  onChange: (next: MeetingDetail) => void;
}

/** The minutes: a draft from the agenda and decisions (PUT /minutes), the chair's approval (POST /minutes/approve) filing the PDF in 議事録, and a link to it. */
export function MinutesSection({ detail, onChange }: Props) {
  const { m, lang } = useI18n();
  const t = m.meetingsOfficer;
  const minutes = detail.minutes;
  const [text, setText] = useState(minutes?.text ?? '');
  const [textEn, setTextEn] = useState(minutes?.textEn ?? '');
  const [saved, setSaved] = useState(false);
  const save = useAction();
  const approve = useAction();
  const approved = (minutes?.approvedAt ?? null) !== null;
  return (
    <section className="card stack" aria-labelledby="minutes-title" data-testid="meeting-minutes" data-approved={approved}>
      <h2 id="minutes-title">{t.minutesTitle}</h2>
      {approved && minutes ? (
        <>
          <p role="status" data-testid="minutes-approved">
            {format(t.approvedAt, { time: formatDateTime(minutes.approvedAt ?? 0, lang) })}
          </p>
          {minutes.documentId ? (
            <p>
              <Link to="/documents/$documentId" params={{ documentId: minutes.documentId }} className="button" data-testid="minutes-document">
                {t.openMinutes}
              </Link>
            </p>
          ) : null}
          <pre className="meeting-wrap meeting-minutes-text">{minutes.text}</pre>
        </>
      ) : detail.can.record ? (
        <form
          className="stack"
          aria-label={t.minutesTitle}
          onSubmit={save.onSubmit(async () => {
            setSaved(false);
            onChange(await saveMinutes(detail.id, { text, ...(textEn.trim() ? { textEn } : {}) }));
            setSaved(true);
          })}
        >
          <p>
            <button type="button" className="button" onClick={() => setText(draftMinutes(detail, t, lang))} data-testid="minutes-draft">
              {t.draftFromAgenda}
            </button>
          </p>
          <TextAreaField label={t.minutesText} value={text} onValueChange={setText} maxLength={100_000} testId="minutes-text" />
          <TextAreaField label={t.minutesTextEn} value={textEn} onValueChange={setTextEn} maxLength={100_000} lang="en" testId="minutes-text-en" />
          <ErrorAlert code={save.error} testId="minutes-error" />
          {saved ? (
            <p role="status" data-testid="minutes-saved">
              {t.draftSaved}
            </p>
          ) : null}
          <p>
            <button type="submit" className="button button-primary" disabled={save.busy || !text.trim()} data-testid="minutes-save">
              {t.saveDraft}
            </button>
          </p>
        </form>
      ) : null}
      {!approved && minutes ? (
        detail.can.approveMinutes ? (
          <div className="stack">
            <p className="field-hint">{t.approveHint}</p>
            <p>
              <button type="button" className="button button-primary" disabled={approve.busy} onClick={() => void approve.run(async () => onChange(await approveMinutes(detail.id)))} data-testid="minutes-approve">
                {t.approve}
              </button>
            </p>
            <ErrorAlert code={approve.error} testId="minutes-approve-error" />
          </div>
        ) : (
          <p>{t.notChair}</p>
        )
      ) : null}
    </section>
  );
}
