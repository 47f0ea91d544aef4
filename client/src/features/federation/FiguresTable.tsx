import type { Figures } from '@kumiai/shared';
import { useId } from 'react';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { actionTable, membershipTable } from './report-table.ts';

/** A report's figures as readable tables: members by unit kind and class, shared surveys' totals, unified actions' participants. */
export function FiguresTable({ figures, titles, testId }: { figures: Figures; titles: ReadonlyMap<string, string>; testId: string }) {
  const { m } = useI18n();
  const id = useId();
  const t = m.federation;
  const membership = membershipTable(figures);
  const actions = actionTable(figures.actions, titles);
  const kindName = (kind: string) => (kind in m.units.kinds ? m.units.kinds[kind as keyof typeof m.units.kinds] : kind);
  return (
    <div className="stack" data-testid={testId}>
      <h4 id={`${id}-members`}>{t.membership}</h4>
      {/* Wide tables at 200 % text scroll inside a region the keyboard can reach. */}
      <div className="table-wrap" role="region" aria-labelledby={`${id}-members`} tabIndex={0}>
        <table className="report-table" data-testid={`${testId}-membership`}>
          <thead>
            <tr>
              <th scope="col">{t.unitKind}</th>
              <th scope="col">{t.memberClass}</th>
              <th scope="col">{t.count}</th>
            </tr>
          </thead>
          <tbody>
            {membership.rows.map((r) => (
              <tr key={`${r.unitKind}/${r.memberClass}`}>
                <td>{kindName(r.unitKind)}</td>
                <td>{r.memberClass}</td>
                <td>{r.count}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={2}>
                {t.total}
              </th>
              <td data-testid={`${testId}-members`}>{membership.total}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      <h4>{t.surveys}</h4>
      {figures.surveys.length === 0 ? <p className="muted">{t.none}</p> : null}
      {figures.surveys.map((s, i) => (
        <div className="stack" key={i}>
          <h5 className="h3">{s.title}</h5>
          <p className="muted">{format(t.answered, { answered: s.answered, size: s.audienceSize })}</p>
          {s.fields.map((f, j) => (
            <div className="table-wrap" key={j} role="region" aria-labelledby={`${id}-s${i}-f${j}`} tabIndex={0}>
              <table className="report-table">
                <caption id={`${id}-s${i}-f${j}`}>{f.label}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.option}</th>
                    <th scope="col">{t.count}</th>
                  </tr>
                </thead>
                <tbody>
                  {f.counts.map((c, k) => (
                    <tr key={k}>
                      <td>{c.option}</td>
                      <td>{c.count}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
        </div>
      ))}
      <h4 id={`${id}-actions`}>{t.actions}</h4>
      {actions.length === 0 ? (
        <p className="muted">{t.none}</p>
      ) : (
        <div className="table-wrap" role="region" aria-labelledby={`${id}-actions`} tabIndex={0}>
          <table className="report-table" data-testid={`${testId}-actions`}>
            <thead>
              <tr>
                <th scope="col">{t.action}</th>
                <th scope="col">{t.participants}</th>
              </tr>
            </thead>
            <tbody>
              {actions.map((a) => (
                <tr key={a.itemId} data-item-id={a.itemId}>
                  <td>{a.title ?? a.itemId}</td>
                  <td data-testid="figures-participants">{a.participants}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
