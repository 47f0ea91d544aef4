import { Link, useRouterState } from '@tanstack/react-router';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useSyncStatus } from '../../sync/use-sync-status.ts';
import { useKiosk } from '../kiosk/index.ts';

/**
 * The session ended while syncing (close 4401: expired, or signed out on another
 * device). The member's local data and waiting changes are kept; signing in
 * again resumes syncing and sends them.
 */
export function SessionEndedBanner() {
  const { m } = useI18n();
  const { stopReason } = useSyncStatus();
  const kiosk = useKiosk();
  const path = useRouterState({ select: (s) => s.location.pathname });
  if (stopReason !== 'unauthenticated' || kiosk) return null;
  return (
    <section className="notice notice-warning session-ended" role="status" aria-labelledby="session-ended-title" data-testid="session-ended">
      <h2 id="session-ended-title" className="h3">
        {m.sync.sessionEndedTitle}
      </h2>
      <p>{m.sync.sessionEnded}</p>
      {path === '/sign-in' ? null : (
        <Link to="/sign-in" className="button button-primary" data-testid="session-ended-sign-in">
          {m.sync.signInAgain}
        </Link>
      )}
    </section>
  );
}
