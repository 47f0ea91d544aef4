import type { RxStorage, RxStorageInstance, RxStorageInstanceCreationParams } from 'rxdb';
import { ReplaySubject, type Observable } from 'rxjs';

/**
 * When the browser takes the member's IndexedDB away under a running engine:
 * evicted under storage pressure, cleared by the member ("clear site data"),
 * deleted from another page, or the connection gone stale (iOS kills its
 * storage process: Dexie then answers "Transaction aborted" or "Database has
 * been closed" to every call). Everything the device does with its storage
 * passes through one watch per open database (`createLossWatch`):
 * - the storage itself is wrapped (`watchStorage`): every call of every
 *   storage instance (the app's writes and queries, the replication's pulls
 *   and pushes, the pending and refusal stores) reports its error here;
 * - Dexie's own connection events (`dexieEvents`): `versionchange` (another
 *   connection deletes or upgrades the database) and `close` (the browser
 *   closed the connection), unless we are the ones closing;
 * - the engine adds the replication's errors.
 * The watch decides "the local database is gone" once; the engine hands that
 * to the SyncProvider, which recovers (storage-lost.ts).
 */

/** Names of the errors with which IndexedDB or Dexie says the connection or the database is gone. */
const LOST_NAMES = new Set(['DatabaseClosedError', 'AbortError', 'InvalidStateError']);
const LOST_TEXT = /Transaction aborted|Database has been closed|database connection is closing|Connection to Indexed Database server lost|RxStorageInstanceDexie is closed/i;

/**
 * Whether an error (or one it wraps: Dexie's `inner`, `cause`, RxDB's
 * `parameters.errors` / `parameters.error`) says the local database is gone.
 * A refused write (409 conflict), a schema error, a full disk or an offline server is not.
 */
export function isStorageLost(err: unknown): boolean {
  const chain = errorChain(err);
  // A full disk aborts the transaction too, but the database is still there: reopening would not help.
  if (chain.some((e) => e.name === 'QuotaExceededError')) return false;
  return chain.some((e) => (typeof e.name === 'string' && LOST_NAMES.has(e.name)) || (typeof e.message === 'string' && LOST_TEXT.test(e.message)));
}

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  inner?: unknown;
  cause?: unknown;
  parameters?: { errors?: unknown; error?: unknown };
}

/** The error and those it wraps, a few levels deep. */
function errorChain(err: unknown, depth = 0): ErrorLike[] {
  if (depth > 5 || typeof err !== 'object' || err === null) return [];
  const e = err as ErrorLike;
  const wrapped: unknown[] = [e.inner, e.cause, e.parameters?.error, ...(Array.isArray(e.parameters?.errors) ? (e.parameters.errors as unknown[]) : [])];
  return [e, ...wrapped.flatMap((inner) => errorChain(inner, depth + 1))];
}

export interface LossWatch {
  /** Emits once, with the first sign that the database is gone, while it is open and not being closed by us. */
  readonly lost$: Observable<unknown>;
  /** Any error met with the storage; only a loss (isStorageLost) counts. */
  report(err: unknown): void;
  /** The storage closed its connection or another connection deletes the database: a loss unless we are closing. */
  connectionGone(cause: string): void;
  /** Called before the app closes or removes the database itself: nothing after counts. */
  closing(): void;
}

export function createLossWatch(): LossWatch {
  // Replayed: a loss met while the engine was still starting reaches it once it listens.
  const subject = new ReplaySubject<unknown>(1);
  let done = false;
  const emit = (cause: unknown): void => {
    if (done) return;
    done = true;
    subject.next(cause);
    subject.complete();
  };
  return {
    lost$: subject.asObservable(),
    report: (err) => {
      if (isStorageLost(err)) emit(err);
    },
    connectionGone: (cause) => emit(new Error(`IndexedDB: ${cause}`)),
    closing: () => {
      if (done) return;
      done = true;
      subject.complete();
    },
  };
}

type AnyInstance = RxStorageInstance<unknown, unknown, unknown>;
/** Closing is ours (and on a dead connection it must still succeed): not watched. */
const UNWATCHED = new Set<PropertyKey>(['close', 'remove', 'constructor']);

/**
 * The storage with every call of its instances watched: an error is reported,
 * then thrown on as before (callers keep their own handling).
 */
export function watchStorage(storage: RxStorage<unknown, unknown>, watch: LossWatch): RxStorage<unknown, unknown> {
  const watchInstance = (instance: AnyInstance): AnyInstance =>
    new Proxy(instance, {
      get(target, prop, receiver) {
        const value: unknown = Reflect.get(target, prop, receiver);
        if (typeof value !== 'function' || UNWATCHED.has(prop)) return value;
        return (...args: unknown[]): unknown => {
          try {
            const result: unknown = (value as (...a: unknown[]) => unknown).apply(target, args);
            if (result instanceof Promise) {
              return result.catch((err: unknown) => {
                watch.report(err);
                throw err;
              });
            }
            return result;
          } catch (err) {
            watch.report(err);
            throw err;
          }
        };
      },
    });
  return {
    name: storage.name,
    rxdbVersion: storage.rxdbVersion,
    async createStorageInstance<RxDocType>(params: RxStorageInstanceCreationParams<RxDocType, unknown>) {
      const instance = await storage.createStorageInstance(params);
      return watchInstance(instance as AnyInstance) as unknown as typeof instance;
    },
  };
}

/** The part of a Dexie database the watch listens to (Dexie's `on`, typed loosely so sync/ needs no Dexie import). */
interface DexieEvents {
  on(event: 'versionchange' | 'close', listener: () => void): void;
}

/** For RxDB's Dexie storage setting `onCreate`: each of the member's IndexedDB connections reports its end. */
export function dexieEvents(watch: LossWatch): (dexie: DexieEvents, name: string) => void {
  return (dexie, name) => {
    dexie.on('versionchange', () => watch.connectionGone(`another connection deletes or upgrades ${name}`));
    dexie.on('close', () => watch.connectionGone(`${name} was closed`));
  };
}
