import type { ElectionDetail } from '@kumiai/shared';
import { useState } from 'react';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { archiveUrl, openElection, publishElection, remindVoters, startTally } from './commission-api.ts';
import { OutcomeView } from './OutcomeView.tsx';
import { TrusteeProgressList } from './TrusteeProgressList.tsx';
import { TurnoutPanel } from './TurnoutPanel.tsx';
import { useAction } from '../../ui/use-action.ts';

interface Props {
  detail: ElectionDetail;
  onChange: (next: ElectionDetail) => void;
}

/** Opening, live turnout, reminders, the tally, the trustees' decryptions arriving, publishing and the archive. */
export function RunSection({ detail, onChange }: Props) {
  const { m } = useI18n();
  const t = m.electionsCommission;
  const action = useAction();
  const [reminded, setReminded] = useState<string | null>(null);
  const act = (work: () => Promise<ElectionDetail>) => void action.run(work).then((d) => d && onChange(d));
  const s = detail.state;
  return (
    <section className="card stack" aria-labelledby="run-title" data-testid="run-section">
      <h2 id="run-title">{t.runTitle}</h2>
      <p className="election-rule">{detail.credentialAuthority ? t.openHintMember : t.openHint}</p>
      {s === 'draft' ? (
        <button type="button" className="button button-primary" disabled={action.busy} onClick={() => act(() => openElection(detail.id))} data-testid="election-open">
          {t.openElection}
        </button>
      ) : (
        <TurnoutPanel electionId={detail.id} />
      )}
      {s === 'ready' && detail.phase === 'open' ? (
        <>
          <button
            type="button"
            className="button"
            disabled={action.busy}
            onClick={() => void action.run(() => remindVoters(detail.id)).then((r) => r && setReminded(format(t.reminded, { n: r.notVoted, p: r.pushed, w: r.withoutPush })))}
            data-testid="election-remind"
          >
            {t.remind}
          </button>
          {reminded ? <p role="status">{reminded}</p> : null}
        </>
      ) : null}
      {s === 'ready' && detail.phase === 'after' ? (
        <>
          <p className="field-hint">{t.tallyHint}</p>
          <button type="button" className="button button-primary" disabled={action.busy} onClick={() => act(() => startTally(detail.id))} data-testid="election-tally">
            {t.tally}
          </button>
        </>
      ) : null}
      {s === 'tallying' || s === 'tallied' || s === 'published' ? (
        <>
          <h3>{t.decryptionsTitle}</h3>
          <TrusteeProgressList detail={detail} />
        </>
      ) : null}
      {detail.outcome ? <OutcomeView detail={detail} /> : null}
      {s === 'tallied' ? (
        <>
          <p className="field-hint">{t.publishHint}</p>
          <button type="button" className="button button-primary" disabled={action.busy} onClick={() => act(() => publishElection(detail.id))} data-testid="election-publish">
            {t.publish}
          </button>
        </>
      ) : null}
      {s === 'tallied' || s === 'published' ? (
        <a className="button" href={archiveUrl(detail.id)} download data-testid="election-archive">
          {t.archive}
        </a>
      ) : null}
      <ErrorAlert code={action.error} />
    </section>
  );
}
