import type { FormResults } from '@kumiai/shared';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { BarChart } from './BarChart.tsx';
import { percent, percentText } from './results-bars.ts';

/** How many of the audience answered (or applied), overall and per unit: a table, and bars for the eye. */
export function ResponseRate({ results }: { results: FormResults }) {
  const { m } = useI18n();
  const t = m.formsOfficer;
  // An application form counts applications; only a survey has a response rate.
  const survey = results.kind === 'survey';
  const total = format(survey ? t.responseTotal : t.applicationTotal, {
    answered: results.answered,
    total: results.audienceSize,
    pct: percentText(results.answered, results.audienceSize),
  });
  // Units whose count is suppressed (an anonymous survey's, under 5) get no bar.
  const bars = results.units.flatMap((u) => (u.answered === null ? [] : [{ key: u.unitId, label: u.unitName, count: u.answered, pct: percent(u.answered, u.members) }]));
  return (
    <section className="stack" aria-labelledby="response-rate-title">
      <h2 id="response-rate-title">{survey ? t.responseRate : t.applicationCount}</h2>
      {results.released !== null ? (
        <p className="field-hint" data-testid="form-results-batches">
          {format(t.anonymousBatches, { released: results.released })}
        </p>
      ) : null}
      <p className="result-total" data-testid="form-results-total" data-answered={results.answered} data-total={results.audienceSize}>
        {total}
      </p>
      {results.units.length > 0 ? (
        <>
          <h3 id="unit-rate-title">{survey ? t.perUnit : t.perUnitApplications}</h3>
          {/* Focusable, so a table wider than a zoomed phone screen can be scrolled from the keyboard. */}
          <div className="table-wrap" role="region" aria-labelledby="unit-rate-title" tabIndex={0}>
            <table className="report-table">
              <thead>
                <tr>
                  <th scope="col">{t.unitColumn}</th>
                  <th scope="col">{survey ? t.answeredColumn : t.appliedColumn}</th>
                </tr>
              </thead>
              <tbody>
                {results.units.map((u) => (
                  <tr key={u.unitId} data-testid="form-results-unit" data-unit-id={u.unitId}>
                    <th scope="row">{u.unitName}</th>
                    <td>{u.answered === null ? format(t.unitSuppressed, { members: u.members }) : format(t.unitRate, { answered: u.answered, members: u.members, pct: percentText(u.answered, u.members) })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <BarChart bars={bars} testPrefix="unit-rate-bar" caption={survey ? t.perUnit : t.perUnitApplications} labelHeader={t.unitColumn} withTable={false} />
        </>
      ) : null}
    </section>
  );
}
