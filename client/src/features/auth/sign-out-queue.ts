import { ApiError, apiPost } from '../../api/client.ts';
import { readStored, removeStored, writeStored } from '../../lib/storage.ts';

/**
 * A sign-out the server has not heard yet (made offline, on a phone or a
 * kiosk): the device forgot the member at once, but the session cookie still
 * works on the server and would sign them in again at the next start. It is
 * sent as soon as it can be: when the browser is back online, and before
 * anyone asks who is signed in or signs in. A device key (the kiosk wipe keeps it).
 */
export const SIGN_OUT_OWED_KEY = 'kumiai.signOutOwed';

type Owed = 'this-device' | 'everywhere';

/**
 * Ends this browser's session on the server (`everywhere`: all the member's
 * sessions). True when the server answered (a session already gone counts as
 * ended); false when it could not be reached, and then the sign-out is owed.
 */
export async function endServerSession(everywhere = false): Promise<boolean> {
  const ended = await apiPost('/api/auth/sign-out', { everywhere }).then(
    () => true,
    (error: unknown) => error instanceof ApiError && error.status > 0 && error.status < 500,
  );
  if (ended) removeStored(SIGN_OUT_OWED_KEY);
  // An owed "everywhere" is never narrowed by a later sign-out of this device only.
  else if (everywhere || readStored(SIGN_OUT_OWED_KEY) !== 'everywhere') writeStored(SIGN_OUT_OWED_KEY, everywhere ? 'everywhere' : 'this-device');
  return ended;
}

/** Sends an owed sign-out, if any. True when nothing is owed any more. */
export async function settleOwedSignOut(): Promise<boolean> {
  const owed = readStored(SIGN_OUT_OWED_KEY) as Owed | null;
  return owed === null ? true : endServerSession(owed === 'everywhere');
}

let watching = false;
/** Sends an owed sign-out whenever the browser comes back online; idempotent. Called from main.tsx. */
export function watchOwedSignOut(): void {
  if (watching || typeof window === 'undefined') return;
  watching = true;
  window.addEventListener('online', () => void settleOwedSignOut());
}
