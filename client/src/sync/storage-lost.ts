import { createExternalStore } from '../lib/external-store.ts';
import { loadCarry, saveCarry, writeAgain } from './carry-over.ts';
import type { SyncEngine } from './engine.ts';
import type { PendingEntry } from './pending.ts';
import { storageLostKey } from './session-data.ts';
import { getSnapshot as syncStatus } from './status.ts';

/**
 * When the browser took the member's IndexedDB away under a running engine
 * (storage-loss.ts decides that): instead of failing silently, the device
 * 1. tells the member at once ('recovering'), and keeps the writes still
 *    waiting to be sent: the pending store holds them in memory too, so they
 *    can be read although the database is gone (localStorage, so a reload in
 *    between loses nothing);
 * 2. stops the engine and opens the member's database again (same name): if
 *    the data is gone, the replication pulls everything from scratch;
 * 3. once it has pulled, writes the kept changes again (pushed like any
 *    write) and tells the member it is back ('recovered'), with how many
 *    waiting changes were sent again and, honestly, how many could not be kept.
 * A kiosk does the same; its member's kept changes go with the sign-out like
 * everything else of theirs (session-data.ts).
 */

export interface StorageLostNotice {
  /** 'failed': lost again right after each reopening; the device stopped trying (the member is asked to reload). */
  phase: 'recovering' | 'recovered' | 'failed';
  /** Waiting changes kept ('recovering') or written again ('recovered'). */
  kept: number;
  /** Waiting changes that could not be kept: the member has to make them again. */
  notKept: number;
}

interface LostCarry {
  entries: PendingEntry[];
  notKept: number;
}

const notice = createExternalStore<StorageLostNotice | null>(null);
export const storageLost = { subscribe: notice.subscribe, getSnapshot: notice.getSnapshot, dismiss: () => notice.set(null) };

/** More losses than this within the window, and the device stops reopening: something keeps taking the database away. */
const MAX_LOSSES = 3;
const LOSS_WINDOW_MS = 60_000;
const losses: number[] = [];

/**
 * Steps 1–2 on the engine whose database is gone. Resolves true when a new engine should be started (it does
 * step 3); false when the database was lost too often in a row (the member is told to reload the page).
 */
export async function keepAndStop(engine: SyncEngine, now = Date.now()): Promise<boolean> {
  const { pending, memberId } = engine.database;
  let entries: PendingEntry[] = [];
  let notKept = 0;
  try {
    entries = pending.entries;
  } catch {
    // Never seen: the store's memory copy is readable after a loss. Should it not be, say how many were waiting.
    notKept = syncStatus().pending;
  }
  saveCarry<LostCarry>(storageLostKey(memberId), { entries, notKept });
  losses.push(now);
  while (losses.length > 0 && now - (losses[0] ?? now) > LOSS_WINDOW_MS) losses.shift();
  const again = losses.length <= MAX_LOSSES;
  notice.set({ phase: again ? 'recovering' : 'failed', kept: entries.length, notKept });
  // Closing a database whose connection is gone may fail on the way; the engine closes what it can.
  await engine.stop().catch((err: unknown) => console.warn('sync: stopping after the local database was lost', err));
  return again;
}

/** Step 3, on a fresh engine: resolves with what the member is told (null when no database was lost). */
export async function resumeAfterLoss(engine: SyncEngine): Promise<StorageLostNotice | null> {
  const key = storageLostKey(engine.database.memberId);
  const carry = loadCarry<LostCarry>(key);
  if (!carry) return null;
  // After a reload in between, the member is told again what is going on.
  notice.set({ phase: 'recovering', kept: carry.entries.length, notKept: carry.notKept });
  await engine.replication.awaitInSync();
  const { written, failed } = await writeAgain(engine, carry.entries);
  saveCarry(key, null);
  const told: StorageLostNotice = { phase: 'recovered', kept: written, notKept: carry.notKept + failed };
  notice.set(told);
  return told;
}
