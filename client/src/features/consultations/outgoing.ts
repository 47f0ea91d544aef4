import type { Attachment, ConsultationDoc, ConsultationFile } from '@kumiai/shared';
import type { RxDatabase } from 'rxdb';
import { errorCode } from '../../api/client.ts';
import type { AnyErrorCode } from '../../i18n/types.ts';
import type { KumiaiDatabase, MemberDatabase } from '../../sync/database.ts';
import { LocalValue } from '../../sync/local-store.ts';
import { uploadRetryable } from '../forms/index.ts';

/**
 * Cases (or replies) with photos or PDFs, written offline. A consultation file
 * gets its id from the server when it is uploaded (encrypted there), so such a
 * case waits here, in the member's own database (an RxDB local document,
 * removed with the member's data), its files in the member's outbox (Cache
 * Storage, `forms/outbox.ts`), until the device is online: the files are
 * uploaded, then the case is written to the synced collection with their ids
 * and pushed like any other write. A case without files is written at once.
 * A waiting case is also recorded in the sync engine's pending store (the
 * screen that queues it does), so it counts as waiting everywhere a write does.
 */

export interface OutgoingItem {
  /** The document's id (a case's is also its caseId). */
  id: string;
  doc: ConsultationDoc;
  /** The files picked, by their hash in the outbox. */
  files: Attachment[];
  /** The files already uploaded (a retry does not send them again). */
  uploaded: Record<string, ConsultationFile>;
  at: number;
  /** Why the server refused a file for good (the member may discard the case or send it again without files). */
  problem: AnyErrorCode | null;
}

export interface OutgoingData {
  items: OutgoingItem[];
}

export type OutgoingStore = Pick<LocalValue<OutgoingData>, 'value' | 'modify'>;

const KEY = 'kumiai-consultations-outgoing';
const stores = new WeakMap<KumiaiDatabase, Promise<LocalValue<OutgoingData>>>();

/** The member's queue (one per database, shared by the screens and the sender). */
export function outgoingOf(db: KumiaiDatabase): Promise<LocalValue<OutgoingData>> {
  let store = stores.get(db);
  if (!store) {
    // The local-document API is the same on the typed database (as sync/engine.ts uses it).
    store = LocalValue.open<OutgoingData>(db as unknown as RxDatabase, KEY, { items: [] });
    stores.set(db, store);
  }
  return store;
}

export function enqueue(store: OutgoingStore, doc: ConsultationDoc, files: readonly Attachment[], now: number): Promise<void> {
  const item: OutgoingItem = { id: doc.id, doc, files: [...files], uploaded: {}, at: now, problem: null };
  return store.modify((d) => ({ items: [...d.items.filter((i) => i.id !== doc.id), item] }));
}

/**
 * A case or a reply written by the member: to the synced collection at once, or, with files, queued here
 * until they are uploaded and recorded in the pending store meanwhile, so it counts as waiting like any
 * write (the header, sign-out's warning, the kiosk's wait) until it is sent and acknowledged.
 */
export async function writeOrQueue(database: Pick<MemberDatabase, 'db' | 'pending'>, store: OutgoingStore | null, doc: ConsultationDoc, files: readonly Attachment[], now: number): Promise<void> {
  if (files.length === 0) {
    await database.db.consultations.insert(doc);
    return;
  }
  if (!store) throw new Error('The outgoing queue is not open yet');
  await enqueue(store, doc, files, now);
  await database.pending.record('consultations', [{ id: doc.id, doc }]);
}

export function removeItem(store: OutgoingStore, id: string): Promise<void> {
  return store.modify((d) => ({ items: d.items.filter((i) => i.id !== id) }));
}

export interface SendDeps {
  /** The picked file's bytes from the outbox (null: gone). */
  file: (hash: string) => Promise<Blob | null>;
  dropFile: (hash: string) => Promise<void>;
  upload: (blob: Blob, name: string) => Promise<ConsultationFile>;
  /** Writes the document to the synced collection unless it is there already (a send cut short after the write). */
  write: (doc: ConsultationDoc) => Promise<void>;
}

const patchItem = (store: OutgoingStore, id: string, patch: Partial<OutgoingItem>) => store.modify((d) => ({ items: d.items.map((i) => (i.id === id ? { ...i, ...patch } : i)) }));

/**
 * Sends what waits, oldest first: uploads each file not uploaded yet, then
 * writes the document with the files' ids and takes it off the queue (its
 * files leave the device). Stops at the first failure that may pass (offline,
 * server trouble): the next call goes on from there. A file refused for good
 * marks its item with the reason and the others go on.
 */
export async function sendOutgoing(store: OutgoingStore, deps: SendDeps): Promise<void> {
  for (const item of store.value.items) {
    if (item.problem) continue;
    const uploaded = { ...item.uploaded };
    let problem: AnyErrorCode | null = null;
    for (const file of item.files) {
      if (uploaded[file.hash]) continue;
      const blob = await deps.file(file.hash);
      if (!blob) {
        problem = 'consultation_file_invalid';
        break;
      }
      try {
        uploaded[file.hash] = await deps.upload(blob, file.name);
      } catch (error) {
        if (uploadRetryable(error)) return;
        problem = errorCode(error);
        break;
      }
      await patchItem(store, item.id, { uploaded });
    }
    if (problem) {
      await patchItem(store, item.id, { problem });
      continue;
    }
    await deps.write({ ...item.doc, attachments: item.files.flatMap((f) => {
        const stored = uploaded[f.hash];
        return stored ? [stored] : [];
      }),
    });
    await removeItem(store, item.id);
    for (const file of item.files) await deps.dropFile(file.hash);
  }
}

/** A refused item goes again without its files (the member chose so). */
export function withoutFiles(store: OutgoingStore, id: string): Promise<void> {
  return patchItem(store, id, { files: [], uploaded: {}, problem: null });
}
