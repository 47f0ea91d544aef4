import { useState } from 'react';
import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { useSession } from '../auth/index.ts';
import type { Kiosk } from './kiosk-store.ts';
import { useIdleCountdown } from './use-idle-countdown.ts';
import { useKioskSignOut } from './use-kiosk-sign-out.ts';

/** On a kiosk with a member signed in, on every page: who it is, the idle countdown and the one-tap sign-out. */
export function KioskSessionBar({ kiosk }: { kiosk: Kiosk }) {
  const { m } = useI18n();
  const { me } = useSession();
  const { sending, blocked, signOut, signOutIdle, signOutAnyway, stay } = useKioskSignOut();
  // Staying signed in after a blocked sign-out starts the idle countdown afresh.
  const [round, setRound] = useState(0);
  // Idle always ends the session and wipes, waiting writes or not (the dialog below warns before that).
  const left = useIdleCountdown(kiosk.idleSeconds, signOutIdle, round);
  return (
    <div className="kiosk-bar">
      {me ? <p className="kiosk-who">{format(m.kiosk.signedInAs, { name: me.member.name })}</p> : null}
      <p className="kiosk-countdown" data-testid="kiosk-countdown" aria-live="off">
        {sending ? m.kiosk.sending : format(m.kiosk.countdown, { n: left })}
      </p>
      <button type="button" className="button kiosk-sign-out" onClick={signOut} disabled={sending} aria-busy={sending} data-testid="kiosk-sign-out">
        {m.kiosk.signOut}
      </button>
      {blocked !== null ? (
        <ConfirmDialog
          title={m.kiosk.blockedTitle}
          body={format(m.kiosk.blockedBody, { n: blocked })}
          cancelLabel={m.kiosk.stay}
          confirmLabel={m.kiosk.signOutLose}
          onCancel={() => {
            stay();
            setRound((r) => r + 1);
          }}
          onConfirm={signOutAnyway}
          testId="kiosk-blocked"
        />
      ) : null}
    </div>
  );
}
