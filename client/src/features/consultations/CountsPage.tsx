import './consultations.css';
import { consultationCategories } from '@kumiai/shared';
import { useId, useState } from 'react';
import { useApiResource } from '../../api/use-api-resource.ts';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { mayUse, useSession } from '../auth/index.ts';
import { useUnits } from '../units/index.ts';
import { RetentionSection } from './RetentionSection.tsx';
import { countsByMonth, monthOf, monthsBefore } from './cases.ts';
import { fetchStats } from './consultations-api.ts';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** /consultations/counts: how many cases per category × desk unit × month, never content; small groups left out, and the page says so. */
export function CountsPage() {
  const { m } = useI18n();
  const t = m.consultationsOfficer;
  const id = useId();
  // The last twelve months, fixed when the page opens.
  const [initial] = useState(() => {
    const now = monthOf(Date.now());
    return { from: monthsBefore(now, 11), to: now };
  });
  const [from, setFrom] = useState(initial.from);
  const [to, setTo] = useState(initial.to);
  const [asked, setAsked] = useState(initial);
  const [invalid, setInvalid] = useState(false);
  const stats = useApiResource((signal) => fetchStats(asked.from, asked.to, signal), [asked.from, asked.to]);
  const { tree } = useUnits();
  const { me } = useSession();
  useDocumentTitle(t.countsTitle);
  const months = stats.data ? countsByMonth(stats.data, consultationCategories) : null;
  return (
    <section className="card stack" aria-labelledby="counts-title" data-testid="consultations-counts">
      <h1 id="counts-title">{t.countsTitle}</h1>
      <p>{t.countsIntro}</p>
      {stats.data ? (
        <p className="notice" data-testid="counts-hidden-note">
          {format(t.countsHidden, { min: stats.data.minGroup })}
        </p>
      ) : null}
      <form
        className="stack"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const ok = MONTH.test(from) && MONTH.test(to) && from <= to;
          setInvalid(!ok);
          if (ok) setAsked({ from, to });
        }}
      >
        <div className="field">
          <label className="field-label" htmlFor={`${id}-from`}>
            {t.countsFrom}
          </label>
          <input id={`${id}-from`} className="text-input" type="month" value={from} onChange={(e) => setFrom(e.target.value)} aria-invalid={invalid || undefined} data-testid="counts-from" />
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-to`}>
            {t.countsTo}
          </label>
          <input id={`${id}-to`} className="text-input" type="month" value={to} onChange={(e) => setTo(e.target.value)} aria-invalid={invalid || undefined} data-testid="counts-to" />
        </div>
        {invalid ? (
          <p className="field-error" role="alert">
            {t.monthInvalid}
          </p>
        ) : null}
        <button type="submit" className="button" data-testid="counts-show">
          {t.countsShow}
        </button>
      </form>
      <ErrorAlert code={stats.error} />
      {months === null && !stats.error ? <p role="status">{t.loading}</p> : null}
      {months?.length === 0 ? <p className="muted">{t.countsNone}</p> : null}
      {months?.map((month) => (
        <section key={month.month} className="stack" aria-labelledby={`${id}-${month.month}`} data-testid="counts-month" data-month={month.month}>
          <h2 id={`${id}-${month.month}`}>{format(t.countsMonth, { month: month.month })}</h2>
          <ul className="row-list">
            {month.rows.map((row) => (
              <li key={`${row.category}-${row.unitId}`} className="row-item" data-testid="counts-cell">
                <span className="row-title">{m.consultations.category[row.category]}</span>
                <span>{format(t.countsUnit, { unit: tree?.get(row.unitId)?.name ?? row.unitId })}</span>
                <span>{format(t.countsCell, { count: row.count })}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {stats.data ? <p data-testid="counts-total">{format(t.countsTotal, { total: stats.data.shownTotal })}</p> : null}
      <RetentionSection mayChange={mayUse(me, 'consultationSettings')} />
    </section>
  );
}
