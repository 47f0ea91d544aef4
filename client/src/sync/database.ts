import {
  syncedCollections,
  type CollectionName,
  type ConsultationDoc,
  type DocumentDoc,
  type DuesDoc,
  type EventDoc,
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
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import type { Observable } from 'rxjs';
import { createConflictHandler, type RejectedAttempts } from './conflict.ts';
import { PendingStore } from './pending.ts';
import { byCollection, type CollectionRegistration } from './registration.ts';
import { RejectionStore } from './rejections.ts';
import { createLossWatch, dexieEvents, watchStorage, type LossWatch } from './storage-loss.ts';

/**
 * One RxDB database per signed-in member (a kiosk's next member never opens the
 * previous one's data), with the synced collections it is given: each
 * feature module registers its own (schema from @kumiai/shared, migrations,
 * the fields a device may change, its conflict rule); the app passes them in.
 *
 * Collection budget: RxDB's free edition opens at most 13 collections per
 * process; each replication adds no collection (its meta data is a storage
 * instance). Ten collections today; see server/src/sync/README.md.
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
  dues: RxCollection<DuesDoc>;
  events: RxCollection<EventDoc>;
  consultations: RxCollection<ConsultationDoc>;
};
export type KumiaiDatabase = RxDatabase<KumiaiCollections>;

export interface MemberDatabase {
  memberId: string;
  name: string;
  db: KumiaiDatabase;
  pending: PendingStore;
  rejections: RejectionStore;
  /** The registrations of the collections this database opened, by name. */
  registrations: ReadonlyMap<CollectionName, CollectionRegistration>;
  /** Per opened collection: states the server refused, read by the conflict handler. */
  rejectedAttempts: ReadonlyMap<CollectionName, RejectedAttempts>;
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
   * The synced collections to open, as the feature modules register them (the app passes every module's;
   * tests that run two devices in one process open fewer: RxDB's free edition opens at most 13 collections per process).
   */
  collections: readonly CollectionRegistration[];
}

addRxPlugin(RxDBLocalDocumentsPlugin);
// Synced schemas above version 0 turn a device's older documents into the new shape (each registration's migrationStrategies).
addRxPlugin(RxDBMigrationSchemaPlugin);
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
  const registrations = byCollection(options.collections);
  const rejectedAttempts = new Map<CollectionName, RejectedAttempts>([...registrations.keys()].map((name) => [name, new Map()]));
  const names = [...registrations.keys()];
  try {
    await db.addCollections(
      Object.fromEntries(
        [...registrations.values()].map((registration) => [
          registration.name,
          {
            schema: syncedCollections[registration.name],
            migrationStrategies: { ...registration.migrationStrategies },
            conflictHandler: createConflictHandler(registration, rejectedAttempts.get(registration.name) ?? new Map<string, Record<string, unknown>>()),
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
    registrations,
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
