import { useCallback, useState } from 'react';
import { useSyncEngine } from '../../sync/SyncProvider.tsx';
import { kioskSignOut } from './kiosk-sign-out.ts';

export interface KioskSignOutState {
  /** Sending the waiting writes before signing out. */
  sending: boolean;
  /** The number of writes that could not be sent: ask the member what to do. */
  blocked: number | null;
  signOut: () => void;
  /** The idle timer fired: sign out and wipe whatever is waiting (nobody is there to ask). */
  signOutIdle: () => void;
  /** The member chose to lose the waiting writes. */
  signOutAnyway: () => void;
  /** The member stays signed in (and can try again when the connection is back). */
  stay: () => void;
}

export function useKioskSignOut(): KioskSignOutState {
  const { engine } = useSyncEngine();
  const [sending, setSending] = useState(false);
  const [blocked, setBlocked] = useState<number | null>(null);

  const run = useCallback(
    (force: boolean, idle = false) => {
      setSending(true);
      void kioskSignOut(engine, { force, idle }).then((result) => {
        setSending(false);
        if (result) setBlocked(result.blocked);
      });
    },
    [engine],
  );

  return {
    sending,
    blocked,
    signOut: useCallback(() => run(false), [run]),
    signOutIdle: useCallback(() => {
      setBlocked(null);
      run(false, true);
    }, [run]),
    signOutAnyway: useCallback(() => {
      setBlocked(null);
      run(true);
    }, [run]),
    stay: useCallback(() => setBlocked(null), []),
  };
}
