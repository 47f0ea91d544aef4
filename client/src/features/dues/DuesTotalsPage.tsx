import { useState } from 'react';
import { useApiResource } from '../../api/use-api-resource.ts';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { ApiState } from './ApiState.tsx';
import { duesApi, exportLinks } from './dues-api.ts';
import { DuesOfficerNav } from './DuesOfficerNav.tsx';
import { Figures } from './Figures.tsx';
import { MonthField } from './MonthField.tsx';
import { YearSummarySection } from './YearSummarySection.tsx';
import { currentMonth, formatMonth } from './yen.ts';
import './dues.css';

/** Expected vs received per unit for a month, the yearly summary of a unit, and the CSV exports. */
export function DuesTotalsPage() {
  const { m, lang } = useI18n();
  const t = m.duesOfficer;
  useDocumentTitle(t.totalsTitle);
  const [month, setMonth] = useState(currentMonth());
  const totals = useApiResource((signal) => duesApi.totals(month, signal), [month]);
  const units = totals.data?.units ?? [];
  const year = month.slice(0, 4);
  const withStrike = units.some((u) => u.accounts.strike.expected > 0 || u.accounts.strike.received > 0);
  return (
    <section className="card stack" aria-labelledby="totals-title" data-testid="dues-totals">
      <h1 id="totals-title">{t.totalsTitle}</h1>
      <DuesOfficerNav />
      <p>{t.totalsIntro}</p>
      <MonthField label={t.month} value={month} onChange={setMonth} testId="totals-month" />
      <ApiState resource={totals} testId="totals" />
      {totals.data && units.length === 0 ? <p>{t.totalsEmpty}</p> : null}
      <ul className="row-list">
        {units.map((u) => (
          <li key={u.unitId} className="row-item" data-testid={`totals-unit-${u.unitId}`}>
            <span className="row-title dues-break">{u.unitName}</span>
            <Figures expected={u.accounts.general.expected} received={u.accounts.general.received} members={u.accounts.general.members} testId={`totals-general-${u.unitId}`} />
            {withStrike ? (
              <>
                <span className="row-title">{t.strike}</span>
                <Figures expected={u.accounts.strike.expected} received={u.accounts.strike.received} />
              </>
            ) : null}
          </li>
        ))}
      </ul>
      {units.length > 0 ? <YearSummarySection year={year} units={units} /> : null}
      <section className="stack" aria-labelledby="exports-title">
        <h2 id="exports-title">{t.exportsTitle}</h2>
        <p className="muted">{t.exportsIntro}</p>
        <ul className="row-list">
          <li>
            <a className="text-link" href={exportLinks.month(month)} download data-testid="export-month">
              {format(t.exportMonth, { month: formatMonth(month, lang) })}
            </a>
          </li>
          <li>
            <a className="text-link" href={exportLinks.year(year)} download data-testid="export-year">
              {format(t.exportYear, { year })}
            </a>
          </li>
          <li>
            <a className="text-link" href={exportLinks.totals(year)} download data-testid="export-totals">
              {format(t.exportTotals, { year })}
            </a>
          </li>
        </ul>
      </section>
    </section>
  );
}
