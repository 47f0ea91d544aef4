import type { ApplicationPage, ApplicationSummary } from '@kumiai/shared';
import { Link } from '@tanstack/react-router';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { formatDate } from '../../ui/dates.ts';
import { useFetched } from '../../ui/use-fetched.ts';
import { listApplications } from './forms-officer-api.ts';
import { defaultInboxFilter } from './inbox-query.ts';

/** Pages of the inbox read for the card (the inbox lists newest first; the card wants the oldest). */
const PAGES = 3;
const SHOWN = 5;

/** The applications at a step this officer approves (`mine`), all of them up to PAGES pages; whether more follow. */
async function waitingForMe(signal: AbortSignal): Promise<{ items: ApplicationSummary[]; more: boolean }> {
  const items: ApplicationSummary[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < PAGES; i++) {
    const page: ApplicationPage = await listApplications({ ...defaultInboxFilter, mine: true }, cursor, signal);
    items.push(...page.items.filter((a) => a.mayAct));
    cursor = page.next;
    if (cursor === null) break;
  }
  return { items, more: cursor !== null };
}

/** Officer home: how many applications wait for this officer's decision, the oldest first. */
export function ApprovalsHomeCard() {
  const { m, lang } = useI18n();
  const t = m.formsOfficerHome;
  const fetched = useFetched(waitingForMe, []);
  const waiting = fetched.state === 'done' ? [...fetched.value.items].sort((a, b) => a.updatedAt - b.updatedAt) : [];
  return (
    <section className="stack home-card" aria-labelledby="approvals-home-title">
      <h3 id="approvals-home-title">
        {t.approvalsTitle}
        {fetched.state === 'done' && waiting.length > 0 ? (
          <>
            {' '}
            <span className="badge badge-strong">{format(fetched.value.more ? t.approvalsCountMore : t.approvalsCount, { n: waiting.length })}</span>
          </>
        ) : null}
      </h3>
      {fetched.state === 'loading' ? (
        <p className="muted" role="status">
          {m.app.loading}
        </p>
      ) : fetched.state === 'failed' ? (
        <p className="muted">{t.loadFailed}</p>
      ) : waiting.length === 0 ? (
        <p className="muted">{t.approvalsNone}</p>
      ) : (
        <>
          <p className="muted">{t.approvalsOldest}</p>
          <ul className="row-list">
            {waiting.slice(0, SHOWN).map((a) => (
              <li key={a.id}>
                <Link to="/approvals/$id" params={{ id: a.id }} className="row-link">
                  <span className="row-title">
                    {a.formTitle}: {a.memberName}
                  </span>
                  <span className="muted">
                    {a.unitName} · {format(t.waitingSince, { date: formatDate(a.updatedAt, lang) })}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        <Link to="/approvals" className="text-link">
          {t.openInbox}
        </Link>
      </p>
    </section>
  );
}
