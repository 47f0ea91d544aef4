import { answerText, localized, visibleFields, type ApplicationDetail } from '@kumiai/shared';
import { useI18n } from '../../i18n/use-i18n.ts';
import { formatIsoDay } from '../../ui/dates.ts';
import { isFileAnswer } from './answer-text.ts';
import { FileAnswerList } from './FileAnswerList.tsx';

/** The applicant's answers, field by field, with the labels of the version they answered. */
export function ApplicationAnswers({ detail }: { detail: ApplicationDetail }) {
  const { m, lang } = useI18n();
  const t = m.formsOfficer;
  const fields = visibleFields(detail.fields, detail.answers);
  return (
    <section className="stack" aria-labelledby="answers-title">
      <h2 id="answers-title">{t.answersTitle}</h2>
      <dl className="application-answers" data-testid="application-answers">
        {fields.map((field) => {
          const value = detail.answers[field.id];
          const text = answerText(field, value, lang, { yes: t.yesAnswer, no: t.noAnswer, day: (day) => formatIsoDay(day, lang) });
          return (
            <div key={field.id} className="answer-row" data-testid={`application-answer-${field.id}`}>
              <dt>{localized(field.label, lang)}</dt>
              <dd>{value !== null && value !== undefined && isFileAnswer(field, value) && value.length > 0 ? <FileAnswerList files={value} /> : (text ?? <span className="muted">{t.notAnswered}</span>)}</dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}
