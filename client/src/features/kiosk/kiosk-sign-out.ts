import { apiPost } from '../../api/client.ts';
import { runBeforeSignOut, wipeMemberData } from './wipe.ts';

let running = false;

/** Ends the member's kiosk session, wipes what they left and reloads at the kiosk sign-in screen. */
export async function kioskSignOut(): Promise<void> {
  if (running) return;
  running = true;
  await runBeforeSignOut();
  await apiPost('/api/auth/sign-out', {}).catch(() => undefined);
  await wipeMemberData();
  window.history.replaceState(null, '', '/kiosk');
  window.location.reload();
}
