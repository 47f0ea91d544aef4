import type { FederationItem } from '@kumiai/shared';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { formatDateTime } from '../../ui/dates.ts';
import type { Fetched } from '../../ui/use-fetched.ts';
import type { UnionsOverview } from './federation-api.ts';
import { setUnionStatus } from './federation-api.ts';
import { FiguresTable } from './FiguresTable.tsx';
import { actionTable, membersOf } from './report-table.ts';
import { StatusActions } from './StatusActions.tsx';

/** The member unions with their state and latest figures, pause / resume / end each; the totals; who has not reported. */
export function UnionsSection({ overview, items, onChanged }: { overview: Fetched<UnionsOverview>; items: readonly FederationItem[]; onChanged: () => void }) {
  const { m, lang } = useI18n();
  const t = m.federation;
  const titles = new Map(items.map((i) => [i.id, i.title]));
  if (overview.state !== 'done') {
    return (
      <section className="card stack" aria-labelledby="fed-unions-title">
        <h2 id="fed-unions-title">{t.unionsTitle}</h2>
        {overview.state === 'loading' ? (
          <p className="muted" role="status">
            {m.app.loading}
          </p>
        ) : (
          <p className="notice notice-error">{t.loadFailed}</p>
        )}
      </section>
    );
  }
  const { unions, totals, notReported } = overview.value;
  const names = new Map(unions.map((u) => [u.id, u.name]));
  return (
    <>
      <section className="card stack" aria-labelledby="fed-unions-title" data-testid="federation-unions">
        <h2 id="fed-unions-title">{t.unionsTitle}</h2>
        {unions.length === 0 ? <p className="muted">{t.noUnions}</p> : null}
        <ul className="plain-list stack">
          {unions.map((u) => (
            <li key={u.id} className="federation-item stack" data-testid="federation-union" data-union-id={u.id} data-status={u.status}>
              <h3>{u.name}</h3>
              <dl className="facts">
                <dt>{t.status}</dt>
                <dd data-testid="federation-union-status">
                  {t.statuses[u.status]}
                  {u.status === 'paused' ? (u.pausedBy === 'federation' ? t.pausedByFederation : t.pausedByUnion) : ''}
                </dd>
                <dt>{t.lastReport}</dt>
                <dd>{u.lastReport ? `${formatDateTime(u.lastReport.at, lang)} · ${format(t.members, { n: membersOf(u.lastReport.figures) })}` : t.never}</dd>
              </dl>
              {u.lastReport ? (
                <details>
                  <summary>{t.figures}</summary>
                  <FiguresTable figures={u.lastReport.figures} titles={titles} testId="federation-union-figures" />
                </details>
              ) : null}
              <StatusActions
                status={u.status}
                pausedBy={u.pausedBy}
                side="federation"
                question={(to) => format({ pause: t.unionPauseQuestion, resume: t.unionResumeQuestion, revoke: t.unionRevokeQuestion }[to], { name: u.name })}
                act={async (to) => {
                  await setUnionStatus(u.id, to);
                  onChanged();
                }}
                testId={`federation-union-${u.id}`}
              />
            </li>
          ))}
        </ul>
      </section>
      <section className="card stack" aria-labelledby="fed-totals-title" data-testid="federation-totals">
        <h2 id="fed-totals-title">{t.totalsTitle}</h2>
        <dl className="facts">
          <dt>{t.totalMembers}</dt>
          <dd data-testid="federation-total-members">{totals.members}</dd>
          {actionTable(totals.actions, titles).map((a) => (
            <div key={a.itemId} data-testid="federation-total-action" data-item-id={a.itemId}>
              <dt>{a.title ?? a.itemId}</dt>
              <dd>{a.participants}</dd>
            </div>
          ))}
        </dl>
        <h3>{t.notReported}</h3>
        {notReported.length === 0 ? (
          <p className="muted">{t.allReported}</p>
        ) : (
          <ul data-testid="federation-not-reported">
            {notReported.map((id) => (
              <li key={id}>{names.get(id) ?? id}</li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
