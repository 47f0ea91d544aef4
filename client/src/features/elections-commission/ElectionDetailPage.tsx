import './elections-commission.css';
import type { ElectionDetail } from '@kumiai/shared';
import { Link } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { errorCode } from '../../api/client.ts';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import type { AnyErrorCode } from '../../i18n/types.ts';
import { pickText } from '../../ui/content-language.ts';
import { formatDateTime } from '../../ui/dates.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { useSession } from '../auth/index.ts';
import { isCommission } from './access.ts';
import { fetchElection } from './commission-api.ts';
import { NotCommission } from './NotCommission.tsx';
import { PaperSection } from './PaperSection.tsx';
import { CredentialAuthoritySection } from './CredentialAuthoritySection.tsx';
import { RollSection } from './RollSection.tsx';
import { RunSection } from './RunSection.tsx';
import { RuleText } from './RuleText.tsx';
import { TrusteesSection } from './TrusteesSection.tsx';

/** One election for the commission: what it asks, the roll, the trustees, and running it from opening to publishing. */
export function ElectionDetailPage({ electionId }: { electionId: string }) {
  const { m, lang } = useI18n();
  const t = m.electionsCommission;
  const { me } = useSession();
  const commission = isCommission(me);
  const [detail, setDetail] = useState<ElectionDetail | null>(null);
  const [error, setError] = useState<AnyErrorCode | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!commission) return;
    const controller = new AbortController();
    fetchElection(electionId, controller.signal).then(setDetail, (e: unknown) => controller.signal.aborted || setError(errorCode(e)));
    // The trustees' steps and decryptions arrive from other devices: asked again every 10 s.
    const timer = window.setTimeout(() => setTick((x) => x + 1), 10_000);
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [commission, electionId, tick]);
  const title = detail ? pickText(detail.title, detail.titleEn, lang) : null;
  useDocumentTitle(title?.text ?? t.listTitle);
  if (!commission) return <NotCommission />;
  if (!detail) return error ? <ErrorAlert code={error} /> : <p role="status">{m.app.loading}</p>;
  return (
    <div className="stack" data-testid="election-detail" data-state={detail.state} data-phase={detail.phase}>
      <section className="card stack" aria-labelledby="election-title">
        <p>
          <Link to="/elections/manage">{t.back}</Link>
        </p>
        <h1 id="election-title" lang={title!.lang} className="election-wrap">
          {title!.text}
        </h1>
        <p>
          <span className="badge" data-testid="election-state">
            {t.states[detail.state]}
          </span>{' '}
          {t.phases[detail.phase]}
        </p>
        <p>{format(t.window, { from: formatDateTime(detail.opensAt, lang), to: formatDateTime(detail.closesAt, lang) })}</p>
        <p className="field-hint">{t.windowHint}</p>
        {detail.input.questions.map((q) => (
          <div key={q.id} className="stack">
            <h2 className="election-wrap">
              {t.kinds[q.kind]}: {q.title}
            </h2>
            <RuleText question={q} />
          </div>
        ))}
        {detail.state === 'draft' ? (
          <Link to="/elections/manage/$electionId/edit" params={{ electionId }} className="button" data-testid="election-edit">
            {t.editTitle}
          </Link>
        ) : null}
      </section>
      <RollSection detail={detail} onChange={setDetail} />
      <TrusteesSection detail={detail} onChange={setDetail} />
      <CredentialAuthoritySection detail={detail} onChange={setDetail} />
      <RunSection detail={detail} onChange={setDetail} />
      {detail.state !== 'draft' ? <PaperSection detail={detail} onChange={setDetail} /> : null}
    </div>
  );
}
