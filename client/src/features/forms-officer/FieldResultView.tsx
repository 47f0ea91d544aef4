import { localized, type FieldResult, type FormField } from '@kumiai/shared';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { formatIsoDay } from '../../ui/dates.ts';
import { BarChart } from './BarChart.tsx';
import { choiceBars, distributionBars, formatMean } from './results-bars.ts';

/** One field's results: bars for choices and yes/no, a distribution with the mean for scales and numbers, a list for text and dates. */
export function FieldResultView({ result, field, index }: { result: FieldResult; field: FormField | undefined; index: number }) {
  const { m, lang } = useI18n();
  const t = m.formsOfficer;
  const label = field ? localized(field.label, lang) : result.field;
  const headingId = `result-${result.field}`;
  const caption = format(t.chartCaption, { label });
  const testPrefix = `result-bar-${result.field}`;
  let body;
  switch (result.type) {
    case 'single_choice':
    case 'multiple_choice':
    case 'yes_no':
      body = (
        <>
          <BarChart bars={choiceBars(result, field, lang, { yes: t.yesAnswer, no: t.noAnswer })} testPrefix={testPrefix} caption={caption} labelHeader={t.optionColumn} />
          {result.type === 'multiple_choice' ? <p className="field-hint">{t.multipleNote}</p> : null}
        </>
      );
      break;
    case 'scale':
    case 'number':
      body = (
        <>
          <p className="result-figure" data-testid={`result-mean-${result.field}`}>
            {format(t.mean, { mean: formatMean(result.mean, lang) })}
          </p>
          <BarChart bars={distributionBars(result)} testPrefix={testPrefix} caption={caption} labelHeader={t.valueColumn} />
        </>
      );
      break;
    case 'short_text':
    case 'long_text':
    case 'date':
      body =
        result.texts.length === 0 ? null : (
          <ul className="result-texts" aria-label={t.textAnswers} data-testid={`result-texts-${result.field}`}>
            {result.texts.map((text, i) => (
              <li key={i}>{result.type === 'date' ? formatIsoDay(text, lang) : text}</li>
            ))}
          </ul>
        );
      break;
    case 'file':
      body = <p>{format(t.fileAnswers, { n: result.answered })}</p>;
      break;
  }
  return (
    <section className="stack" aria-labelledby={headingId} data-testid="result-field" data-field-id={result.field}>
      <h3 id={headingId}>{`${index + 1}. ${label}`}</h3>
      <p className="muted">{format(t.answeredCount, { n: result.answered })}</p>
      {result.answered === 0 ? <p>{t.noAnswers}</p> : body}
    </section>
  );
}
