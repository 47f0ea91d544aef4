import { answerText, localized, visibleFields, type Answers, type Attachment, type FormField } from '@kumiai/shared';
import { useI18n } from '../../i18n/use-i18n.ts';
import { formatIsoDay } from '../../ui/dates.ts';
import { SubmissionFiles } from './SubmissionFiles.tsx';

/** The answers as given, read-only, with attached files that open offline. */
export function SubmissionAnswers({ fields, answers, memberId }: { fields: readonly FormField[]; answers: Answers; memberId: string }) {
  const { m, lang } = useI18n();
  const words = { yes: m.forms.yes, no: m.forms.no, day: (day: string) => formatIsoDay(day, lang) };
  return (
    <dl className="facts form-answers" data-testid="submission-answers">
      {visibleFields(fields, answers).map((field) => {
        const value = answers[field.id];
        return (
          <div key={field.id} className="form-answer" data-testid={`submission-answer-${field.id}`}>
            <dt>{localized(field.label, lang)}</dt>
            <dd>{field.type === 'file' && Array.isArray(value) && value.length > 0 ? <SubmissionFiles memberId={memberId} files={value as Attachment[]} /> : (answerText(field, value, lang, words) ?? m.forms.noAnswer)}</dd>
          </div>
        );
      })}
    </dl>
  );
}
