import type { UnitTotals } from '@kumiai/shared';
import { useId, useState } from 'react';
import { useApiResource } from '../../api/use-api-resource.ts';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { ApiState } from './ApiState.tsx';
import { duesApi } from './dues-api.ts';
import { Figures } from './Figures.tsx';
import { formatMonth } from './yen.ts';

/** A unit's year, month by month, and its total (the top unit in scope first). */
export function YearSummarySection({ year, units }: { year: string; units: readonly UnitTotals[] }) {
  const { m, lang } = useI18n();
  const t = m.duesOfficer;
  const selectId = useId();
  const ids = new Set(units.map((u) => u.unitId));
  const top = units.find((u) => u.parentId === null || !ids.has(u.parentId)) ?? units[0];
  const [unit, setUnit] = useState(top?.unitId ?? '');
  const summary = useApiResource((signal) => duesApi.summary(year, unit, signal), [year, unit]);
  return (
    <section className="stack" aria-labelledby="summary-title" data-testid="dues-summary">
      <h2 id="summary-title">
        {t.summaryTitle} ({format(m.dues.yearTitle, { year })})
      </h2>
      <div className="field">
        <label className="field-label" htmlFor={selectId}>
          {t.summaryUnit}
        </label>
        <select id={selectId} className="text-input" value={unit} onChange={(e) => setUnit(e.target.value)} data-testid="summary-unit">
          {units.map((u) => (
            <option key={u.unitId} value={u.unitId}>
              {u.unitName}
            </option>
          ))}
        </select>
      </div>
      <ApiState resource={summary} testId="summary" />
      {summary.data ? (
        <>
          <div className="dues-total">
            <p className="row-title">{t.summaryTotal}</p>
            <Figures expected={summary.data.total.general.expected} received={summary.data.total.general.received} testId="summary-total" />
            {summary.data.total.strike.expected > 0 || summary.data.total.strike.received > 0 ? (
              <>
                <p className="row-title">{t.strike}</p>
                <Figures expected={summary.data.total.strike.expected} received={summary.data.total.strike.received} testId="summary-total-strike" />
              </>
            ) : null}
          </div>
          <ul className="row-list">
            {/* The server answers all twelve months; months with nothing asked or received say nothing. */}
            {summary.data.months.filter((row) => row.accounts.general.expected + row.accounts.general.received + row.accounts.strike.expected + row.accounts.strike.received > 0).map((row) => (
              <li key={row.month} className="row-item">
                <span className="row-title">{formatMonth(row.month, lang)}</span>
                <Figures expected={row.accounts.general.expected} received={row.accounts.general.received} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
