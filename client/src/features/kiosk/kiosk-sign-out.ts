import { apiPost } from '../../api/client.ts';
import type { SyncEngine } from '../../sync/engine.ts';
import { awaitPendingWrites } from '../../sync/session-data.ts';
import { runBeforeSignOut, wipeMemberData } from './wipe.ts';

/** How long a kiosk sign-out waits for the member's waiting writes to be acknowledged. */
const SEND_TIMEOUT_MS = 8_000;
/** Offline there is nothing to wait for but a last flush. */
const OFFLINE_TIMEOUT_MS = 500;

let running = false;

export interface KioskSignOutOptions {
  /** Sign out even though writes are still waiting (the member chose to lose them, or the session is gone). */
  force?: boolean;
}

/** `{ blocked: n }` when the member's n waiting writes could not be sent; nothing was removed then. */
export type KioskSignOutResult = { blocked: number } | null;

/**
 * Ends the member's kiosk session: first the member's waiting writes are sent
 * and acknowledged (or, when they cannot be, the caller is told and nothing is
 * wiped); then replication stops and the database closes (so deleting it is
 * not blocked), the session ends, everything the member left is wiped and the
 * kiosk reloads at its sign-in screen.
 */
export async function kioskSignOut(engine: SyncEngine | null, options: KioskSignOutOptions = {}): Promise<KioskSignOutResult> {
  if (running) return null;
  running = true;
  if (engine && !options.force) {
    const timeout = navigator.onLine ? SEND_TIMEOUT_MS : OFFLINE_TIMEOUT_MS;
    const sent = await awaitPendingWrites(engine, timeout).catch(() => false);
    if (!sent) {
      running = false;
      return { blocked: Math.max(1, engine.database.pending.count) };
    }
  }
  await runBeforeSignOut();
  await engine?.stop().catch(() => undefined);
  await apiPost('/api/auth/sign-out', {}).catch(() => undefined);
  await wipeMemberData();
  window.history.replaceState(null, '', '/kiosk');
  window.location.reload();
  return null;
}
