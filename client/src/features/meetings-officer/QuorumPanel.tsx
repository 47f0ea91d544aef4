import type { QuorumCount } from '@kumiai/shared';
import { useEffect, useState } from 'react';
import { errorCode } from '../../api/client.ts';
import { format } from '../../i18n/format.ts';
import type { AnyErrorCode } from '../../i18n/types.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { formatDateTime } from '../../ui/dates.ts';
import { fetchQuorum } from './officer-api.ts';

/** How often the live quorum is asked while the screen is open. */
const REFRESH_MS = 5_000;

/**
 * The live quorum (GET /quorum): present + proxies against the number needed, and 成立 / 不成立 in words.
 * `bump` changes when this device's check-ins reach the server, to ask at once.
 */
export function QuorumPanel({ meetingId, bump }: { meetingId: string; bump: number }) {
  const { m, lang } = useI18n();
  const t = m.meetingsOfficer;
  const [count, setCount] = useState<{ value: QuorumCount; at: number } | null>(null);
  const [error, setError] = useState<AnyErrorCode | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    fetchQuorum(meetingId, controller.signal).then(
      (value) => {
        setCount({ value, at: Date.now() });
        setError(null);
      },
      (e: unknown) => controller.signal.aborted || setError(errorCode(e)),
    );
    const timer = window.setTimeout(() => setTick((x) => x + 1), REFRESH_MS);
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [meetingId, tick, bump]);
  return (
    <section className="card stack" aria-labelledby="quorum-title" data-testid="quorum-panel" data-met={count?.value.met}>
      <h2 id="quorum-title">{t.quorumTitle}</h2>
      {error === 'meeting_no_quorum' ? (
        <p>{t.quorumNone}</p>
      ) : count ? (
        <div className="meeting-quorum stack" role="status" aria-live="polite">
          <p className="meeting-quorum-verdict" data-testid="quorum-verdict">
            {count.value.met ? t.quorumMet : t.quorumNotMet}
          </p>
          <p data-testid="quorum-says">{format(t.quorumSays, { present: count.value.present, proxies: count.value.proxies, counted: count.value.counted, required: count.value.required, base: count.value.base })}</p>
          {count.value.met ? null : <p>{format(t.quorumShort, { n: count.value.short })}</p>}
        </div>
      ) : error ? (
        <p role="alert">{m.errors[error]}</p>
      ) : (
        <p role="status">{m.app.loading}</p>
      )}
      {count && error !== 'meeting_no_quorum' ? <p className="muted">{format(t.quorumRefreshed, { time: formatDateTime(count.at, lang) })}</p> : null}
    </section>
  );
}
