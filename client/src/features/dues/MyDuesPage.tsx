import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { useSession } from '../auth/index.ts';
import { MonthCard } from './MonthCard.tsx';
import { arrearsOf, duesYears } from './my-dues.ts';
import { useMemberDues } from './use-dues.ts';
import { formatMonth, formatYen } from './yen.ts';
import './dues.css';

/** The member's own dues (組合費), from the synced `dues` collection: readable offline. */
export function MyDuesPage() {
  const { m, lang } = useI18n();
  const t = m.dues;
  useDocumentTitle(t.title);
  const { me } = useSession();
  const docs = useMemberDues(me?.member.id ?? null);
  const years = docs ? duesYears(docs) : [];
  const arrears = docs ? arrearsOf(docs) : null;
  return (
    <section className="card stack" aria-labelledby="dues-title" data-testid="my-dues">
      <h1 id="dues-title">{t.title}</h1>
      <p className="muted">{t.intro}</p>
      {docs === undefined ? (
        <p role="status">{t.loading}</p>
      ) : docs.length === 0 ? (
        <p data-testid="my-dues-empty">{t.empty}</p>
      ) : (
        <>
          <section aria-labelledby="dues-arrears-title" className="stack">
            <h2 id="dues-arrears-title">{t.arrearsTitle}</h2>
            {arrears && arrears.amount > 0 ? (
              <p className="notice notice-warning" data-testid="my-dues-arrears" data-amount={arrears.amount}>
                {format(t.arrears, { amount: formatYen(arrears.amount, lang), months: arrears.months, oldest: formatMonth(arrears.oldestMonth ?? '', lang) })}
              </p>
            ) : (
              <p data-testid="my-dues-arrears" data-amount={0}>
                {t.arrearsNone}
              </p>
            )}
          </section>
          {years.map((year) => (
            <section key={year.year} aria-labelledby={`dues-year-${year.year}`} className="stack" data-testid={`dues-year-${year.year}`}>
              <h2 id={`dues-year-${year.year}`}>{format(t.yearTitle, { year: year.year })}</h2>
              <div className="dues-total" data-testid={`dues-year-total-${year.year}`} data-amount={year.total.general + year.total.strike}>
                <p className="row-title">{format(t.yearTotal, { amount: formatYen(year.total.general + year.total.strike, lang) })}</p>
                {year.total.strike > 0 ? <p>{format(t.yearTotalStrike, { amount: formatYen(year.total.strike, lang) })}</p> : null}
                <p className="muted">{t.yearTotalHint}</p>
              </div>
              <ul className="row-list">
                {year.lines.map((line) => (
                  <MonthCard key={line.id} line={line} />
                ))}
              </ul>
            </section>
          ))}
        </>
      )}
    </section>
  );
}
