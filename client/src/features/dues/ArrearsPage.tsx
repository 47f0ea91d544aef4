import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useApiResource } from '../../api/use-api-resource.ts';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { ApiState } from './ApiState.tsx';
import { duesApi } from './dues-api.ts';
import { DuesOfficerNav } from './DuesOfficerNav.tsx';
import { MonthField } from './MonthField.tsx';
import { currentMonth, formatMonth, formatYen } from './yen.ts';
import './dues.css';

/** Members in the treasurer's units who owe dues up to a month, with how much and how old (cards, never a wide table). */
export function ArrearsPage() {
  const { m, lang } = useI18n();
  const t = m.duesOfficer;
  useDocumentTitle(t.arrearsTitle);
  const [asOf, setAsOf] = useState(currentMonth());
  const arrears = useApiResource((signal) => duesApi.arrears(asOf, signal), [asOf]);
  const rows = arrears.data?.members ?? [];
  const total = rows.reduce((sum, r) => sum + r.outstanding, 0);
  return (
    <section className="card stack" aria-labelledby="arrears-title" data-testid="dues-arrears">
      <h1 id="arrears-title">{t.arrearsTitle}</h1>
      <DuesOfficerNav />
      <p>{t.arrearsIntro}</p>
      <MonthField label={t.asOf} value={asOf} onChange={setAsOf} testId="arrears-as-of" />
      <ApiState resource={arrears} testId="arrears" />
      {arrears.data ? (
        rows.length === 0 ? (
          <p data-testid="arrears-none">{t.arrearsNone}</p>
        ) : (
          <>
            <p role="status">{format(t.arrearsCount, { n: rows.length, amount: formatYen(total, lang) })}</p>
            <ul className="row-list">
              {rows.map((r) => (
                <li key={r.memberId} className="row-item" data-testid={`arrears-row-${r.employeeNumber}`} data-outstanding={r.outstanding} data-age={r.ageMonths}>
                  <span className="row-title dues-break">
                    {r.name} ({r.employeeNumber})
                  </span>
                  <dl className="facts">
                    <dt>{t.outstanding}</dt>
                    <dd>{formatYen(r.outstanding, lang)}</dd>
                    <dt>{t.arrearsMonths}</dt>
                    <dd>{r.months}</dd>
                    <dt>{t.age}</dt>
                    <dd>{format(r.ageMonths === 0 ? t.ageThisMonth : t.ageText, { month: formatMonth(r.oldestMonth, lang), n: r.ageMonths })}</dd>
                  </dl>
                  <Link to="/dues/members" search={{ number: r.employeeNumber }} className="text-link">
                    {format(t.openMember, { name: r.name })}
                  </Link>
                </li>
              ))}
            </ul>
          </>
        )
      ) : null}
    </section>
  );
}
