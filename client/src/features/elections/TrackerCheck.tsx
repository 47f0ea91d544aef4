import { useState } from 'react';
import { errorCode } from '../../api/client.ts';
import type { AnyErrorCode } from '../../i18n/types.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useSession } from '../auth/index.ts';
import { archiveUrl, fetchArchive } from './elections-api.ts';
import { findTracker, type TrackerSearch } from './make-ballot.ts';
import { storedTrackers } from './stored.ts';

/** "Check my tracker in the public record": the .bel is downloaded and searched in the browser. */
export function TrackerCheck({ electionId }: { electionId: string }) {
  const { m } = useI18n();
  const t = m.elections;
  const { me } = useSession();
  const kept = me ? storedTrackers(me.member.id)[electionId]?.tracker : undefined;
  const [tracker, setTracker] = useState(kept ?? '');
  const [busy, setBusy] = useState(false);
  const [found, setFound] = useState<TrackerSearch | null>(null);
  const [error, setError] = useState<AnyErrorCode | null>(null);

  async function check() {
    setBusy(true);
    setFound(null);
    setError(null);
    try {
      setFound(await findTracker(await fetchArchive(electionId), tracker.trim()));
    } catch (e) {
      setError(errorCode(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="stack" aria-labelledby="check-title" data-testid="tracker-check">
      <h2 id="check-title">{t.checkTitle}</h2>
      <p>{t.checkLead}</p>
      {kept ? null : <p className="muted">{t.noTrackerKept}</p>}
      <TextField label={t.trackerInput} value={tracker} onValueChange={setTracker} data-testid="tracker-input" autoComplete="off" spellCheck={false} />
      <button type="button" className="button button-primary" data-testid="tracker-check-button" disabled={busy || tracker.trim() === ''} onClick={() => void check()}>
        {t.check}
      </button>
      <ErrorAlert code={error} />
      <div role="status" data-testid="tracker-check-result" data-found={found ?? ''}>
        {busy ? <p>{t.checking}</p> : null}
        {found === 'found' ? <p className="notice notice-success">{t.found}</p> : null}
        {found === 'not_found' ? <p className="notice notice-error">{t.notFoundTracker}</p> : null}
        {found === 'invalid' ? <p className="notice notice-error">{t.invalidArchive}</p> : null}
      </div>
      <p>
        <a href={archiveUrl(electionId)} download className="text-link" data-testid="archive-download">
          {t.download}
        </a>
      </p>
    </section>
  );
}
