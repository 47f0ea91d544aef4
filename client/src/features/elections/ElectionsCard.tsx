import type { VoterElection } from '@kumiai/shared';
import { Link } from '@tanstack/react-router';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { pickText } from '../../ui/content-language.ts';
import { formatDateTime } from '../../ui/dates.ts';
import { awaitsVote, voterStatus } from './choices.ts';
import { statusText } from './labels.ts';
import { useMyElections, useNow } from './use-my-elections.ts';
import '../../ui/content.css';
import './elections.css';

/** One election in a list: where it stands for this member and why (締切, or when it opens). */
function ElectionRow({ election: e, now }: { election: VoterElection; now: number }) {
  const { m, lang } = useI18n();
  const t = m.elections;
  const status = voterStatus(e, now);
  const title = pickText(e.title, e.titleEn, lang);
  const why = status === 'not_open' ? format(t.opensOn, { date: formatDateTime(e.opensAt, lang) }) : status === 'open' || status === 'voted_online' ? format(t.deadline, { date: formatDateTime(e.closesAt, lang) }) : null;
  return (
    <li>
      <Link to="/elections/$electionId" params={{ electionId: e.id }} className="row-link" data-testid="election-item" data-status={status}>
        <span>
          <span className={status === 'open' ? 'badge badge-strong' : 'badge'}>{statusText(status, m)}</span>
        </span>
        <span className="row-title" lang={title.lang}>
          {title.text}
        </span>
        {why ? <span className="muted">{why}</span> : null}
      </Link>
    </li>
  );
}

/** Home card: the member's elections, those asking for their vote first, each saying why (締切) or where it stands. */
export function ElectionsCard() {
  const { m } = useI18n();
  const t = m.elections;
  const { elections } = useMyElections();
  const now = useNow();
  if (!elections || elections.length === 0) return null;
  const asks = elections.filter((e) => awaitsVote(e, now));
  const sorted = [...asks, ...elections.filter((e) => !awaitsVote(e, now))];
  return (
    <section className={asks.length > 0 ? 'stack notice notice-warning' : 'stack'} aria-labelledby="elections-card-title" data-testid="elections-card">
      <h2 id="elections-card-title">{asks.length > 0 ? t.cardTitleAsk : t.cardTitle}</h2>
      <ul className="row-list">
        {sorted.map((e) => (
          <ElectionRow key={e.id} election={e} now={now} />
        ))}
      </ul>
    </section>
  );
}

/** On the 手続き page, beside the forms: the votes asking for this member's vote now (nothing when none). */
export function ElectionsToVote() {
  const { m } = useI18n();
  const { elections } = useMyElections();
  const now = useNow();
  const asks = (elections ?? []).filter((e) => awaitsVote(e, now));
  if (asks.length === 0) return null;
  return (
    <section className="stack" aria-labelledby="elections-to-vote-title" data-testid="elections-to-vote">
      <h2 id="elections-to-vote-title">{m.elections.cardTitleAsk}</h2>
      <ul className="row-list">
        {asks.map((e) => (
          <ElectionRow key={e.id} election={e} now={now} />
        ))}
      </ul>
    </section>
  );
}

/** How many elections ask for this member's vote (the home's "all done" and the 手続き tab's badge count it). */
export function useElectionsToVote(): number | undefined {
  const { elections } = useMyElections();
  const now = useNow();
  return elections ? elections.filter((e) => awaitsVote(e, now)).length : 0;
}
