import { useNavigate } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import { useSyncEngine } from '../../sync/SyncProvider.tsx';
import { useSyncStatus } from '../../sync/use-sync-status.ts';
import { refreshSession, sessionEnded } from '../auth/index.ts';
import { currentKiosk } from '../kiosk/index.ts';
import { kioskSignOut } from '../kiosk/index.ts';

/** At most this many automatic restarts per minute when the server says the session ended but /api/auth/me disagrees. */
const MAX_RESTARTS = 3;

/**
 * Acts on why syncing stopped (the server closed the socket for good):
 * - 'unauthenticated' (4401): asks the server whether the session really ended.
 *   If it did, the member is forgotten (the local database and waiting writes
 *   stay) and sent to sign in; signing in starts a new engine that sends them.
 *   On a kiosk the session is over for good: the usual kiosk sign-out wipes.
 * - 'account_closed' (4403): SyncProvider removes the local data; the member is
 *   forgotten and sent to sign in.
 */
export function SyncSessionWatcher() {
  const { stopReason } = useSyncStatus();
  const { engine, restart } = useSyncEngine();
  const navigate = useNavigate();
  const restarts = useRef<number[]>([]);

  useEffect(() => {
    if (!stopReason) return;
    let cancelled = false;
    void (async () => {
      const kiosk = await currentKiosk();
      if (cancelled) return;
      if (stopReason === 'account_closed') {
        sessionEnded();
        await navigate({ to: kiosk ? '/kiosk' : '/sign-in' });
        return;
      }
      const me = await refreshSession();
      if (cancelled) return;
      const now = Date.now();
      restarts.current = restarts.current.filter((t) => now - t < 60_000);
      if (me && restarts.current.length < MAX_RESTARTS) {
        // A blip (the session is still valid): sync again.
        restarts.current.push(now);
        restart();
        return;
      }
      if (kiosk) {
        await kioskSignOut(engine, { force: true });
        return;
      }
      // Still signed in by the server's word, yet refused again and again: leave it to the banner.
      if (me) return;
      await navigate({ to: '/sign-in' });
    })();
    return () => {
      cancelled = true;
    };
    // Only a new stop reason triggers this; the engine is read as it is then.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stopReason]);

  return null;
}
