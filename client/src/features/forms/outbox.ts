import type { Attachment } from '@kumiai/shared';
import { ApiError } from '../../api/client.ts';
import type { BeforePushHook } from '../../sync/replication.ts';
import { memberOutboxCacheName } from '../../sync/session-data.ts';
import { uploadFile } from '../../api/files.ts';
import { prepareFile, type PrepareProblem } from './downscale.ts';

/**
 * The per-member outbox of attached files: a photo or PDF picked offline is
 * kept here (Cache Storage `kumiai-outbox-<memberId>`, removed with the
 * member's data at sign-out and by the kiosk wipe) and uploaded by the sync
 * engine's `beforePush` hook for `submissions`, just before the submission
 * that refers to it is pushed. An uploaded file stays (marked) so the member
 * can still open it offline.
 */

export interface OutboxFile extends Attachment {
  blob: Blob;
  uploaded: boolean;
}

export interface OutboxStore {
  put(file: Attachment & { blob: Blob }): Promise<void>;
  get(hash: string): Promise<OutboxFile | null>;
  markUploaded(hash: string): Promise<void>;
  /** Every file kept, with whether it was uploaded. */
  list(): Promise<{ hash: string; uploaded: boolean }[]>;
  remove(hash: string): Promise<void>;
}

/** For tests, and for browsers without Cache Storage (an insecure http:// origin): kept in memory only. */
export function memoryOutbox(): OutboxStore {
  const files = new Map<string, OutboxFile>();
  return {
    async put(file) {
      files.set(file.hash, { ...file, uploaded: files.get(file.hash)?.uploaded ?? false });
    },
    async get(hash) {
      return files.get(hash) ?? null;
    },
    async markUploaded(hash) {
      const file = files.get(hash);
      if (file) files.set(hash, { ...file, uploaded: true });
    },
    async list() {
      return [...files.values()].map((f) => ({ hash: f.hash, uploaded: f.uploaded }));
    },
    async remove(hash) {
      files.delete(hash);
    },
  };
}

const keyOf = (hash: string): string => new URL(`/__kumiai-outbox/${hash}`, location.origin).href;

function cacheOutbox(memberId: string): OutboxStore {
  const open = () => caches.open(memberOutboxCacheName(memberId));
  const write = async (file: Attachment & { blob: Blob }, uploaded: boolean): Promise<void> => {
    const headers = { 'content-type': file.type, 'x-name': encodeURIComponent(file.name), 'x-uploaded': uploaded ? '1' : '0' };
    await (await open()).put(keyOf(file.hash), new Response(file.blob, { headers }));
  };
  const read = async (hash: string): Promise<OutboxFile | null> => {
    const hit = await (await open()).match(keyOf(hash));
    if (!hit) return null;
    const blob = await hit.blob();
    const type = (hit.headers.get('content-type') ?? 'application/pdf') as Attachment['type'];
    return { hash, name: decodeURIComponent(hit.headers.get('x-name') ?? 'file'), type, size: blob.size, blob, uploaded: hit.headers.get('x-uploaded') === '1' };
  };
  return {
    async put(file) {
      await write(file, (await read(file.hash))?.uploaded ?? false);
    },
    get: read,
    async markUploaded(hash) {
      const file = await read(hash);
      if (file) await write(file, true);
    },
    async list() {
      const cache = await open();
      const out: { hash: string; uploaded: boolean }[] = [];
      for (const request of await cache.keys()) {
        const hit = await cache.match(request);
        out.push({ hash: new URL(request.url).pathname.split('/').pop() ?? '', uploaded: hit?.headers.get('x-uploaded') === '1' });
      }
      return out;
    },
    async remove(hash) {
      await (await open()).delete(keyOf(hash));
    },
  };
}

const outboxes = new Map<string, OutboxStore>();

/** The member's outbox (one instance per member, shared by the form screens and the sync hook). */
export function outboxFor(memberId: string): OutboxStore {
  let store = outboxes.get(memberId);
  if (!store) {
    store = typeof caches === 'undefined' ? memoryOutbox() : cacheOutbox(memberId);
    outboxes.set(memberId, store);
  }
  return store;
}

/** Why a picked file was not added: the device could not prepare it, or the list is full. */
export type PickProblem = { code: PrepareProblem | 'too_many'; size?: number };

/**
 * Adds picked files to a list of attachments, offline: each is prepared on the
 * device (a photo downscaled, hashed), kept in the member's outbox until it is
 * uploaded, and listed once; at most `max` in all. Answers the new list and
 * the last problem met (a file that could not be used, or one too many).
 */
export async function keepPickedFiles(memberId: string, picked: readonly File[], current: readonly Attachment[], max: number): Promise<{ files: Attachment[]; problem: PickProblem | null }> {
  const files = [...current];
  let problem: PickProblem | null = null;
  for (const file of picked) {
    if (files.length >= max) {
      problem = { code: 'too_many' };
      break;
    }
    const result = await prepareFile(file);
    if (!result.ok) {
      problem = { code: result.problem, ...(result.size !== undefined ? { size: result.size } : {}) };
      continue;
    }
    await outboxFor(memberId).put(result.file);
    const { blob: _blob, ...attachment } = result.file;
    if (!files.some((f) => f.hash === attachment.hash)) files.push(attachment);
  }
  return { files, problem };
}

/** The files the answers of these documents refer to (file answers are arrays of {hash, name, type, size}). */
export function referencedFiles(docs: readonly Record<string, unknown>[]): string[] {
  const hashes = new Set<string>();
  for (const doc of docs) {
    if (doc._deleted === true || typeof doc.answers !== 'object' || doc.answers === null) continue;
    for (const value of Object.values(doc.answers as Record<string, unknown>)) {
      if (!Array.isArray(value)) continue;
      for (const item of value as unknown[]) {
        const hash = (item as { hash?: unknown } | null)?.hash;
        if (typeof hash === 'string') hashes.add(hash);
      }
    }
  }
  return [...hashes];
}

/** Whether an upload failure may pass on a retry (no network, server trouble, session to renew), or never will. */
export function uploadRetryable(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true;
  return error.status === 0 || error.status === 401 || error.status === 429 || error.status >= 500;
}

export type Uploader = (blob: Blob, name: string) => Promise<Attachment>;

/**
 * Uploads every outbox file these documents refer to that is not uploaded
 * yet. Throws when an upload may work later (offline): the push waits and
 * RxDB retries it. A file the server refuses for good (wrong type, too big) is
 * left; the push goes on and the server's refusal of the submission reaches
 * the member with its reason, instead of the queue being stuck forever.
 */
export async function uploadReferencedFiles(store: OutboxStore, docs: readonly Record<string, unknown>[], upload: Uploader): Promise<void> {
  for (const hash of referencedFiles(docs)) {
    const file = await store.get(hash);
    // Not in the outbox: attached on another device, or already on the server.
    if (!file || file.uploaded) continue;
    try {
      const stored = await upload(file.blob, file.name);
      if (stored.hash === hash) await store.markUploaded(hash);
    } catch (error) {
      if (uploadRetryable(error)) throw error;
    }
  }
}

/**
 * Drops uploaded files no submission on the device refers to any more (a
 * photo removed from a draft, a withdrawn-and-gone application). Files not
 * uploaded yet are kept: an unsaved form may still be using them.
 */
export async function pruneOutbox(store: OutboxStore, stillReferenced: ReadonlySet<string>): Promise<void> {
  for (const file of await store.list()) if (file.uploaded && !stillReferenced.has(file.hash)) await store.remove(file.hash);
}

/** The `submissions` collection's step before a push, for one member (its registration, collections.ts). */
export function submissionsBeforePush(memberId: string): BeforePushHook {
  return (docs) => uploadReferencedFiles(outboxFor(memberId), docs, uploadFile);
}
