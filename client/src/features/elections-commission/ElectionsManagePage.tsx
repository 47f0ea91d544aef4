import './elections-commission.css';
import { Link } from '@tanstack/react-router';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { formatDateTime } from '../../ui/dates.ts';
import { FetchedList } from '../../ui/FetchedList.tsx';
import { useFetched } from '../../ui/use-fetched.ts';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { pickText } from '../../ui/content-language.ts';
import { useSession } from '../auth/index.ts';
import { isCommission } from './access.ts';
import { listElections } from './commission-api.ts';
import { NotCommission } from './NotCommission.tsx';

/** The elections this commission member manages, newest first, with their state and window. */
export function ElectionsManagePage() {
  const { m, lang } = useI18n();
  const t = m.electionsCommission;
  useDocumentTitle(t.listTitle);
  const { me } = useSession();
  const commission = isCommission(me);
  const list = useFetched((signal) => (commission ? listElections(signal) : Promise.resolve([])), [commission]);
  if (!commission) return <NotCommission />;
  return (
    <section className="card stack" aria-labelledby="elections-manage-title" data-testid="elections-manage">
      <h1 id="elections-manage-title">{t.listTitle}</h1>
      <p className="button-row">
        <Link to="/elections/manage/new" className="button" data-testid="election-new">
          {t.newElection}
        </Link>
      </p>
      <FetchedList fetched={list} empty={t.noElections}>
        {(items) => (
          <ul className="row-list" data-testid="elections-list">
            {items.map((e) => {
              const title = pickText(e.title, e.titleEn, lang);
              return (
                <li key={e.id} className="stack election-wrap" data-testid="election-row">
                  <Link to="/elections/manage/$electionId" params={{ electionId: e.id }} aria-label={format(t.openLabel, { title: title.text })}>
                    <span lang={title.lang}>{title.text}</span>
                  </Link>
                  <span className="badge">{t.states[e.state]}</span> <span className="muted">{t.phases[e.phase]}</span>
                  <span className="muted">
                    {format(t.window, { from: formatDateTime(e.opensAt, lang), to: formatDateTime(e.closesAt, lang) })} · {format(t.electorateN, { n: e.electorate })}
                  </span>
                </li>
              );
            })}
          </ul>
        )}
      </FetchedList>
    </section>
  );
}
