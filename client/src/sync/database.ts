import {
  syncedCollections,
  type CollectionName,
  type DocumentDoc,
  type FormDoc,
  type MemberDoc,
  type NoticeCommentDoc,
  type NoticeDoc,
  type ReadDoc,
  type SubmissionDoc,
  type UnitDoc,
} from '@kumiai/shared';
import { addRxPlugin, createRxDatabase, type RxCollection, type RxDatabase, type RxStorage } from 'rxdb';
import { RxDBLeaderElectionPlugin } from 'rxdb/plugins/leader-election';
import { RxDBLocalDocumentsPlugin } from 'rxdb/plugins/local-documents';
import type { Observable } from 'rxjs';
import { createConflictHandler, type ConflictRules, type RejectedAttempts } from './conflict.ts';
import { PendingStore } from './pending.ts';
import { RejectionStore } from './rejections.ts';
import { createLossWatch, dexieEvents, watchStorage, type LossWatch } from './storage-loss.ts';

/**
 * One RxDB database per signed-in member (a kiosk's next member never opens the
 * previous one's data), with the synced collections from @kumiai/shared.
 *
 * Collection budget: RxDB's free edition opens at most 13 collections per
 * process; each replication adds no collection (its meta data is a storage
 * instance). Eight collections today; see server/src/sync/README.md.
 */

export type KumiaiCollections = {
  units: RxCollection<UnitDoc>;
  members: RxCollection<MemberDoc>;
  notices: RxCollection<NoticeDoc>;
  reads: RxCollection<ReadDoc>;
  documents: RxCollection<DocumentDoc>;
  notice_comments: RxCollection<NoticeCommentDoc>;
  forms: RxCollection<FormDoc>;
  submissions: RxCollection<SubmissionDoc>;
};
export type KumiaiDatabase = RxDatabase<KumiaiCollections>;

/** Schema migrations, per collection and version (none yet: every schema is at version 0). */
const migrationStrategies: Record<CollectionName, Record<number, (old: Record<string, unknown>) => Record<string, unknown>>> = {
  units: {},
  members: {},
  notices: {},
  reads: {},
  documents: {},
  notice_comments: {},
  forms: {},
  submissions: {},
};

export interface MemberDatabase {
  memberId: string;
  name: string;
  db: KumiaiDatabase;
  pending: PendingStore;
  rejections: RejectionStore;
  /** Per collection: states the server refused, read by the conflict handler. */
  rejectedAttempts: Record<CollectionName, RejectedAttempts>;
  /** Emits once when the browser took the database away under us (storage-loss.ts); never after close or remove. */
  lost$: Observable<unknown>;
  /** Hands an error met elsewhere (the replication's) to the loss watch: only a lost database counts. */
  reportError(err: unknown): void;
  /** Closes the stores and the database; the data stays. */
  close(): Promise<void>;
  /** Closes, then deletes every trace of this member's local data (documents, replication state, pending, rejections). */
  remove(): Promise<void>;
}

export interface OpenMemberDatabaseOptions {
  memberId: string;
  /** Defaults to Dexie (IndexedDB); Node tests pass the memory storage. */
  storage?: RxStorage<unknown, unknown>;
  /** Tests: the IndexedDB implementation for the Dexie storage (fake-indexeddb in Node); the browser's by default. */
  indexedDB?: { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange };
  /** Defaults to Vite's DEV flag; dev-mode validates every write against the schema. */
  devMode?: boolean;
  /** Defaults to true (tabs share the data); tests pass false. */
  multiInstance?: boolean;
  /**
   * Defaults to every synced collection. Tests that run two devices in one process open fewer:
   * RxDB's free edition opens at most 13 collections per process.
   */
  collections?: readonly CollectionName[];
  /** Features' conflict rules, per collection (see conflict.ts). */
  conflictRules?: ConflictRules;
}

addRxPlugin(RxDBLocalDocumentsPlugin);
// One tab of a member's database replicates (the leader, by a Web Lock); the others see its writes through IndexedDB.
addRxPlugin(RxDBLeaderElectionPlugin);

/** RxDB names allow [a-z0-9_$-]; every other character is escaped, so two ids never share a name. */
export function databaseNameFor(memberId: string): string {
  const safe = [...memberId].map((c) => (/[a-z0-9-]/.test(c) ? c : `_${c.codePointAt(0)?.toString(16) ?? ''}`)).join('');
  return `kumiai-m-${safe}`;
}

function viteDev(): boolean {
  // import.meta.env is Vite's (and vitest's); plain Node (tsx) has none.
  const env = (import.meta as { env?: { DEV?: boolean } }).env;
  return env?.DEV === true;
}

async function resolveStorage(options: OpenMemberDatabaseOptions, watch: LossWatch): Promise<RxStorage<unknown, unknown>> {
  const dexie = options.storage ? null : (await import('rxdb/plugins/storage-dexie')).getRxStorageDexie({ ...options.indexedDB, onCreate: dexieEvents(watch) });
  // Every storage call is watched, so a lost database is noticed wherever it shows first.
  const base = watchStorage(options.storage ?? (dexie as RxStorage<unknown, unknown>), watch);
  if (!(options.devMode ?? viteDev())) return base;
  // Loaded only in development: it is large, and DVM1 demands the validator wrapper.
  const [{ RxDBDevModePlugin }, { wrappedValidateAjvStorage }] = await Promise.all([
    import('rxdb/plugins/dev-mode'),
    import('rxdb/plugins/validate-ajv'),
  ]);
  addRxPlugin(RxDBDevModePlugin);
  return wrappedValidateAjvStorage({ storage: base });
}

export async function openMemberDatabase(options: OpenMemberDatabaseOptions): Promise<MemberDatabase> {
  const name = databaseNameFor(options.memberId);
  const watch = createLossWatch();
  const storage = await resolveStorage(options, watch);
  const db = await createRxDatabase<KumiaiCollections>({
    name,
    storage,
    multiInstance: options.multiInstance ?? true,
    localDocuments: true,
  });
  const rejectedAttempts: Record<CollectionName, RejectedAttempts> = { units: new Map(), members: new Map(), notices: new Map(), reads: new Map(), documents: new Map(), notice_comments: new Map(), forms: new Map(), submissions: new Map() };
  const names = options.collections ? [...options.collections] : (Object.keys(syncedCollections) as CollectionName[]);
  try {
    await db.addCollections(
      Object.fromEntries(
        names.map((collection) => [
          collection,
          {
            schema: syncedCollections[collection],
            migrationStrategies: migrationStrategies[collection],
            conflictHandler: createConflictHandler(collection, rejectedAttempts[collection], options.conflictRules?.[collection]),
          },
        ]),
      ),
    );
  } catch (err) {
    watch.closing();
    await db.close();
    throw err;
  }
  // The stores need only the local-document API, which RxDatabase's generic parameters do not affect.
  const untyped = db as unknown as RxDatabase;
  const pending = await PendingStore.open(untyped, names);
  const rejections = await RejectionStore.open(untyped);
  const closeStores = (): void => {
    pending.close();
    rejections.close();
  };
  return {
    memberId: options.memberId,
    name,
    db,
    pending,
    rejections,
    rejectedAttempts,
    lost$: watch.lost$,
    reportError: (err) => watch.report(err),
    async close() {
      watch.closing();
      closeStores();
      if (!db.closed) await db.close();
    },
    async remove() {
      watch.closing();
      closeStores();
      await db.remove();
    },
  };
}
