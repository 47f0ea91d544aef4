import type { SyncEngine } from '../../sync/engine.ts';
import { awaitPendingWrites } from '../../sync/session-data.ts';
import { endServerSession } from '../auth/index.ts';
import { wipeMemberData } from './wipe.ts';

/** How long a kiosk sign-out waits for the member's waiting writes to be acknowledged. */
const SEND_TIMEOUT_MS = 8_000;
/** Offline there is nothing to wait for but a last flush. */
const OFFLINE_TIMEOUT_MS = 500;

let running = false;
/** The idle timer fired while a sign-out was already waiting for the writes: it must not end "blocked". */
let idleWhileRunning = false;

export interface KioskSignOutOptions {
  /** Sign out even though writes are still waiting (the member chose to lose them, or the session is gone). */
  force?: boolean;
  /**
   * The idle timer fired: the member has walked away from a shared tablet.
   * The waiting writes get their chance to be sent, then the session ends and
   * everything is wiped whatever happened: nobody is there to ask, and the
   * next person must never find the previous member's page.
   */
  idle?: boolean;
}

/** `{ blocked: n }` when the member's n waiting writes could not be sent; nothing was removed then. */
export type KioskSignOutResult = { blocked: number } | null;

/**
 * Ends the member's kiosk session: first the member's waiting writes are sent
 * and acknowledged (or, when they cannot be, the member is told that they will
 * be lost on this shared tablet, and nothing is wiped yet); then replication
 * stops and the database closes (so deleting it is not blocked), the session
 * ends, everything the member left is wiped (waiting writes included: they are
 * never kept for a later member's session) and the kiosk reloads at its
 * sign-in screen. On idle it never stops at "blocked". When the server cannot
 * be reached, the sign-out is owed and sent as soon as it can be
 * (`settleOwedSignOut`), before anyone else signs in.
 */
export async function kioskSignOut(engine: SyncEngine | null, options: KioskSignOutOptions = {}): Promise<KioskSignOutResult> {
  if (running) {
    if (options.idle) idleWhileRunning = true;
    return null;
  }
  running = true;
  idleWhileRunning = false;
  if (engine && !options.force) {
    const timeout = navigator.onLine ? SEND_TIMEOUT_MS : OFFLINE_TIMEOUT_MS;
    const sent = await awaitPendingWrites(engine, timeout).catch(() => false);
    if (!sent && !options.idle && !idleWhileRunning) {
      running = false;
      return { blocked: Math.max(1, engine.database.pending.count) };
    }
  }
  await engine?.stop().catch(() => undefined);
  await endServerSession();
  await wipeMemberData();
  window.history.replaceState(null, '', '/kiosk');
  window.location.reload();
  return null;
}

