import { ApiError, apiPost } from '../../api/client.ts';

/** A kiosk sign-out the server has not heard yet (offline): sent as soon as it can be. A device key, kept by the wipe. */
export const SIGN_OUT_OWED_KEY = 'kumiai.kioskSignOutOwed';

function owe(value: boolean): void {
  try {
    if (value) localStorage.setItem(SIGN_OUT_OWED_KEY, '1');
    else localStorage.removeItem(SIGN_OUT_OWED_KEY);
  } catch {
    // No storage: nothing to remember it in.
  }
}

/**
 * Ends this browser's session on the server. True when the server answered
 * (a session already gone counts as ended); false when it could not be
 * reached, and then the sign-out is owed.
 */
export async function endServerSession(): Promise<boolean> {
  const ended = await apiPost('/api/auth/sign-out', {}).then(
    () => true,
    (error: unknown) => error instanceof ApiError && error.status > 0 && error.status < 500,
  );
  owe(!ended);
  return ended;
}

/**
 * A kiosk sign-out that could not reach the server (offline) left the session
 * valid there, with its cookie in this browser: end it before anyone asks who
 * is signed in (session.ts) or signs in. True when nothing is owed any more.
 */
export async function settleOwedKioskSignOut(): Promise<boolean> {
  let owed: boolean;
  try {
    owed = localStorage.getItem(SIGN_OUT_OWED_KEY) !== null;
  } catch {
    return true;
  }
  return owed ? endServerSession() : true;
}
