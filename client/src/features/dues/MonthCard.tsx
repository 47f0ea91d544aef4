import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import type { MonthLine } from './my-dues.ts';
import { formatMonth, formatYen } from './yen.ts';

/** One month of one account: asked, what came in and how (チェックオフ / 振込 / 現金), and how it stands, in words. */
export function MonthCard({ line }: { line: MonthLine }) {
  const { m, lang } = useI18n();
  const t = m.dues;
  const yen = (n: number) => formatYen(n, lang);
  const method = line.source === 'transfer' ? t.source.transfer : line.source === 'cash' ? t.source.cash : t.paidMixed;
  return (
    <li className="row-item dues-month" data-testid={`dues-month-${line.month}-${line.account}`} data-state={line.state} data-source={line.source}>
      <span className="row-title">
        {formatMonth(line.month, lang)}
        {line.account === 'strike' ? ` · ${t.accountStrike}` : ''}
      </span>
      <span className={line.state === 'short' || line.state === 'unpaid' ? 'dues-state dues-state-owed' : 'dues-state'}>{t.state[line.state]}</span>
      <dl className="facts">
        <dt>{t.expected}</dt>
        <dd>{yen(line.expected)}</dd>
        <dt>{t.received}</dt>
        <dd>
          {line.deducted === 0 && line.paid === 0 ? (
            `${yen(0)} (${t.source.none})`
          ) : (
            <ul className="plain-list dues-sources">
              {line.deducted > 0 ? <li>{format(t.deductedBy, { amount: yen(line.deducted) })}</li> : null}
              {line.paid > 0 ? <li>{format(t.paidBy, { method, amount: yen(line.paid) })}</li> : null}
            </ul>
          )}
        </dd>
        {line.shortfall > 0 ? (
          <>
            <dt>{t.shortfall}</dt>
            <dd>{yen(line.shortfall)}</dd>
          </>
        ) : null}
      </dl>
    </li>
  );
}
