import type { VoterElection } from '@kumiai/shared';
import { Link } from '@tanstack/react-router';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { describedText } from '../../ui/content-language.ts';
import { formatDateTime } from '../../ui/dates.ts';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { voterStatus, type VoterStatus } from './choices.ts';
import { ElectionResult } from './ElectionResult.tsx';
import { statusText } from './labels.ts';
import { QuestionList } from './QuestionList.tsx';
import { TrackerCheck } from './TrackerCheck.tsx';
import { useMyElections, useNow } from './use-my-elections.ts';
import { VoteFlow } from './VoteFlow.tsx';
import '../../ui/content.css';
import './elections.css';

function StatusLine({ election, status }: { election: VoterElection; status: VoterStatus }) {
  const { m, lang } = useI18n();
  const t = m.elections;
  const text =
    status === 'not_open'
      ? format(t.notOpenYet, { date: formatDateTime(election.opensAt, lang) })
      : status === 'voted_online'
        ? t.votedOnline
        : status === 'voted_paper'
          ? t.votedPaper
          : status === 'closed'
            ? t.closed
            : status === 'published'
              ? t.published
              : format(t.deadline, { date: formatDateTime(election.closesAt, lang) });
  return (
    <div className="stack" data-testid="election-status" data-status={status}>
      <p>
        <span className={status === 'open' ? 'badge badge-strong' : 'badge'}>{statusText(status, m)}</span>
      </p>
      <p>{text}</p>
    </div>
  );
}

function Election({ election, fresh }: { election: VoterElection; fresh: boolean }) {
  const { m, lang } = useI18n();
  const t = m.elections;
  const now = useNow();
  const status = voterStatus(election, now);
  const { title, description } = describedText(election, lang);
  useDocumentTitle(title.text);
  const voting = status === 'open' || status === 'voted_online';
  return (
    <div className="stack" data-testid="election-page">
      <section className="card stack" aria-labelledby="election-title">
        <h1 id="election-title" lang={title.lang}>
          {title.text}
        </h1>
        {fresh ? null : (
          <p className="muted" data-testid="election-saved-copy">
            {t.savedCopy}
          </p>
        )}
        {description.text ? (
          <p className="election-text" lang={description.lang}>
            {description.text}
          </p>
        ) : null}
        <dl className="facts">
          <dt>{t.window}</dt>
          <dd>{format(t.windowValue, { from: formatDateTime(election.opensAt, lang), to: formatDateTime(election.closesAt, lang) })}</dd>
        </dl>
        <StatusLine election={election} status={status} />
        {voting ? <VoteFlow key={election.id} election={election} revote={status === 'voted_online'} /> : null}
      </section>
      {status === 'published' && election.outcome ? (
        <section className="card stack">
          <ElectionResult questions={election.questions} outcome={election.outcome} />
          <TrackerCheck electionId={election.id} />
        </section>
      ) : null}
      <section className="card stack">
        <QuestionList questions={election.questions} />
      </section>
    </div>
  );
}

/** /elections/:id: the election, its questions and statements (also offline), voting, and the result once published. */
export function ElectionPage({ electionId }: { electionId: string }) {
  const { m } = useI18n();
  const { elections, fresh } = useMyElections();
  const election = elections?.find((e) => e.id === electionId);
  if (!election) {
    return (
      <section className="card stack" data-testid="election-missing">
        <h1>{m.elections.cardTitle}</h1>
        <p>{elections ? m.elections.notFound : m.elections.notLoaded}</p>
        <p>
          <Link to="/" className="text-link">
            {m.tabs.home}
          </Link>
        </p>
      </section>
    );
  }
  return <Election election={election} fresh={fresh} />;
}
