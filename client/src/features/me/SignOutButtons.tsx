import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { errorCode } from '../../api/client.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import type { AnyErrorCode } from '../../i18n/types.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { signOut } from '../auth/session.ts';
import { kioskSignOut } from '../kiosk/kiosk-sign-out.ts';

export function SignOutButtons({ kiosk }: { kiosk: boolean }) {
  const { m } = useI18n();
  const navigate = useNavigate();
  const [error, setError] = useState<AnyErrorCode | null>(null);

  async function run(everywhere: boolean): Promise<void> {
    if (kiosk) return kioskSignOut();
    try {
      await signOut(everywhere);
      await navigate({ to: '/sign-in' });
    } catch (e) {
      setError(errorCode(e));
    }
  }

  return (
    <div className="stack">
      <h2>{m.me.signOutTitle}</h2>
      <ErrorAlert code={error} />
      <div className="button-row">
        <button type="button" className="button" onClick={() => void run(false)} data-testid="sign-out">
          {m.me.signOut}
        </button>
        {kiosk ? null : (
          <button type="button" className="button" onClick={() => void run(true)} data-testid="sign-out-everywhere">
            {m.me.signOutEverywhere}
          </button>
        )}
      </div>
      {kiosk ? null : <p className="muted">{m.me.signOutEverywhereHint}</p>}
    </div>
  );
}
