import { syncedCollections, type CollectionName } from '@kumiai/shared';
import { deepEqual } from 'rxdb';
import { readStored, removeStored, writeStored } from '../lib/storage.ts';
import type { SyncEngine } from './engine.ts';
import type { PendingEntry } from './pending.ts';

/**
 * The member's own changes carried from one database to the next, when the old
 * one is gone: removed on purpose after a restore of the server (restored.ts),
 * or taken away by the browser (storage-lost.ts). Kept in localStorage (a reload
 * in between loses nothing) and in memory (where localStorage is missing or
 * refuses), then written again on the fresh database once it has pulled.
 */

/** Where localStorage is missing (Node tests) or refuses, the carry-over lives in memory for this page. */
const memory = new Map<string, string>();

export function saveCarry<T>(key: string, carry: T | null): void {
  if (carry === null) {
    memory.delete(key);
    removeStored(key);
    return;
  }
  const text = JSON.stringify(carry);
  memory.set(key, text);
  writeStored(key, text);
}

export function loadCarry<T>(key: string): T | null {
  const text = readStored(key) ?? memory.get(key) ?? null;
  if (!text) return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}

/** How many carried changes were written again, and how many could not be (refused by the database). */
export interface WrittenAgain {
  written: number;
  failed: number;
}

/**
 * Writes the entries again on the engine's database, as the member's own changes (pushed like any write):
 * for a document the device has (pulled again), only the fields a device may write; one it lacks, whole.
 */
export async function writeAgain(engine: SyncEngine, entries: readonly PendingEntry[]): Promise<WrittenAgain> {
  const { db } = engine.database;
  const result: WrittenAgain = { written: 0, failed: 0 };
  for (const entry of entries) {
    if (!(entry.collection in syncedCollections)) continue;
    const name = entry.collection as CollectionName;
    const collection = db.collections[name];
    if (!collection) continue;
    try {
      if (await writeOne(collection, engine.database.registrations.get(name)?.editableFields ?? [], entry)) result.written += 1;
    } catch (err) {
      console.warn(`sync: a carried change to ${name} ${entry.id} could not be written again`, err);
      result.failed += 1;
    }
  }
  return result;
}

type AnyCollection = SyncEngine['database']['db']['collections'][CollectionName];

async function writeOne(collection: AnyCollection, editableFields: readonly string[], entry: PendingEntry): Promise<boolean> {
  const { _deleted: deleted, ...doc } = entry.doc;
  const existing = await collection.findOne(entry.id).exec();
  if (deleted === true) {
    if (!existing) return false;
    await existing.remove();
    return true;
  }
  if (existing) {
    const current = existing.toJSON() as Record<string, unknown>;
    const change = Object.fromEntries(editableFields.filter((f) => f in doc && !deepEqual(doc[f], current[f])).map((f) => [f, doc[f]]));
    // Nothing to change: the write reached the server already, or the database kept it.
    if (Object.keys(change).length > 0) await (existing as unknown as { incrementalPatch: (c: Record<string, unknown>) => Promise<unknown> }).incrementalPatch(change);
  } else {
    await (collection as unknown as { insert: (d: Record<string, unknown>) => Promise<unknown> }).insert(doc);
  }
  return true;
}
