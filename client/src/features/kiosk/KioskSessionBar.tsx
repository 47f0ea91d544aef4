import { format } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { kioskSignOut } from './kiosk-sign-out.ts';
import type { Kiosk } from './kiosk-store.ts';
import { useIdleCountdown } from './use-idle-countdown.ts';

/** On a kiosk with a member signed in: the one-tap sign-out and the idle countdown. */
export function KioskSessionBar({ kiosk }: { kiosk: Kiosk }) {
  const { m } = useI18n();
  const left = useIdleCountdown(kiosk.idleSeconds, () => void kioskSignOut());
  return (
    <div className="kiosk-bar">
      <p className="kiosk-countdown" data-testid="kiosk-countdown" aria-live="off">
        {format(m.kiosk.countdown, { n: left })}
      </p>
      <button type="button" className="button kiosk-sign-out" onClick={() => void kioskSignOut()} data-testid="kiosk-sign-out">
        {m.kiosk.signOut}
      </button>
    </div>
  );
}
