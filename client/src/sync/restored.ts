import { createExternalStore } from '../lib/external-store.ts';
import { loadCarry, saveCarry, writeAgain } from './carry-over.ts';
import type { SyncEngine } from './engine.ts';
import type { PendingEntry, RestoredFrom } from './pending.ts';
import { removeLocalDatabase, resendKey } from './session-data.ts';

/**
 * When the union's server was restored from a backup (issue 15). The server
 * answers a pull from a checkpoint of the old epoch with `restored`: which
 * backup, and the sequence it holds. The device then
 * 1. collects its own writes the restore lost: the waiting ones, and those
 *    acknowledged after the backup's sequence (the pending store keeps them);
 * 2. remembers them (localStorage, so a reload in between loses nothing) and
 *    removes its local database: documents the server no longer has (written
 *    after the backup by others) must not stay, nor be pushed back;
 * 3. starts a fresh engine, pulls everything, and writes the remembered
 *    changes again on top of the server's restored state, as its own changes:
 *    for a document the server has, only the fields a device may write; a
 *    document it lacks, whole. They are pushed like any other write;
 * 4. tells the member: "restored from a backup of <date>; your N changes since were sent again".
 */

export interface ServerRestoredNotice {
  /** When the backup was taken (ISO 8601). */
  at: string;
  /** How many of this device's changes were written again. */
  count: number;
}

interface CarryOver {
  restored: RestoredFrom;
  entries: PendingEntry[];
}

const notice = createExternalStore<ServerRestoredNotice | null>(null);
export const serverRestored = { subscribe: notice.subscribe, getSnapshot: notice.getSnapshot, dismiss: () => notice.set(null) };

/** Steps 1–2, on the engine that met the new epoch. Start a new engine afterwards (it does steps 3–4). */
export async function startOver(engine: SyncEngine, restored: RestoredFrom): Promise<void> {
  const { pending, memberId } = engine.database;
  await pending.flush();
  const entries = new Map<string, PendingEntry>();
  for (const e of pending.lostBy(restored)) entries.set(`${e.collection}|${e.id}`, { collection: e.collection, id: e.id, doc: e.doc, at: e.at });
  // A waiting write is newer than anything acknowledged for the same document.
  for (const e of pending.entries) entries.set(`${e.collection}|${e.id}`, e);
  saveCarry<CarryOver>(resendKey(memberId), { restored, entries: [...entries.values()] });
  await removeLocalDatabase(engine);
}

/** Steps 3–4, on a fresh engine: resolves with what the member is told (null when nothing was carried over). */
export async function resendCarriedOver(engine: SyncEngine): Promise<ServerRestoredNotice | null> {
  const { memberId } = engine.database;
  const carry = loadCarry<CarryOver>(resendKey(memberId));
  if (!carry) return null;
  await engine.replication.awaitInSync();
  const { written } = await writeAgain(engine, carry.entries);
  saveCarry(resendKey(memberId), null);
  const told = { at: carry.restored.at, count: written };
  notice.set(told);
  return told;
}
