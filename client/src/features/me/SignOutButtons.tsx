import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { errorCode } from '../../api/client.ts';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import type { AnyErrorCode } from '../../i18n/types.ts';
import { hasPendingWrites, memberOutboxCount, removeMemberData, stopAndRemoveLocalData } from '../../sync/session-data.ts';
import { useSyncEngine } from '../../sync/SyncProvider.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { signOut } from '../auth/index.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { useKioskSignOut } from '../kiosk/index.ts';

/**
 * Sign-out on a personal device: with changes still waiting to be sent, the
 * member is warned first (they are lost by signing out). Then replication
 * stops, the member's local database is removed, and the session ends.
 * On a kiosk the kiosk sign-out runs (it waits for the writes, or says why not).
 */
export function SignOutButtons({ kiosk, memberId }: { kiosk: boolean; memberId: string }) {
  const { m } = useI18n();
  const navigate = useNavigate();
  const { engine } = useSyncEngine();
  const kioskSignOut = useKioskSignOut();
  const [error, setError] = useState<AnyErrorCode | null>(null);
  const [confirm, setConfirm] = useState<{ everywhere: boolean; pending: number } | null>(null);
  const [busy, setBusy] = useState(false);

  async function finish(everywhere: boolean): Promise<void> {
    setConfirm(null);
    setBusy(true);
    try {
      if (engine) await stopAndRemoveLocalData(engine);
      else await removeMemberData(memberId);
    } catch {
      // The database is removed at the next start at the latest; the session must end regardless.
    }
    try {
      await signOut(everywhere);
    } catch (e) {
      // Offline: the member is forgotten on this device all the same (signOut clears the session).
      setError(errorCode(e));
    }
    await navigate({ to: '/sign-in' });
  }

  async function run(everywhere: boolean): Promise<void> {
    if (kiosk) return kioskSignOut.signOut();
    // Waiting writes of the database, and items a feature keeps in the member's own outbox (check-ins at the door).
    const waiting = (engine && (await hasPendingWrites(engine)) ? engine.database.pending.count : 0) + memberOutboxCount(memberId);
    if (waiting > 0) {
      setConfirm({ everywhere, pending: waiting });
      return;
    }
    await finish(everywhere);
  }

  return (
    <div className="stack">
      <h2>{m.me.signOutTitle}</h2>
      <ErrorAlert code={error} />
      <div className="button-row">
        <button type="button" className="button" onClick={() => void run(false)} disabled={busy || kioskSignOut.sending} data-testid="sign-out">
          {m.me.signOut}
        </button>
        {kiosk ? null : (
          <button type="button" className="button" onClick={() => void run(true)} disabled={busy} data-testid="sign-out-everywhere">
            {m.me.signOutEverywhere}
          </button>
        )}
      </div>
      {kiosk ? null : <p className="muted">{m.me.signOutEverywhereHint}</p>}
      {confirm ? (
        <ConfirmDialog
          title={m.me.signOutPendingTitle}
          body={format(m.me.signOutPendingBody, { n: confirm.pending })}
          cancelLabel={m.me.signOutCancel}
          confirmLabel={m.me.signOutAnyway}
          onCancel={() => setConfirm(null)}
          onConfirm={() => void finish(confirm.everywhere)}
          testId="sign-out-confirm"
        />
      ) : null}
      {kiosk && kioskSignOut.blocked !== null ? (
        <ConfirmDialog
          title={m.kiosk.blockedTitle}
          body={format(m.kiosk.blockedBody, { n: kioskSignOut.blocked })}
          cancelLabel={m.kiosk.stay}
          confirmLabel={m.kiosk.signOutLose}
          onCancel={kioskSignOut.stay}
          onConfirm={kioskSignOut.signOutAnyway}
          testId="kiosk-blocked"
        />
      ) : null}
    </div>
  );
}
