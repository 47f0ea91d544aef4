import type { CollectionName } from '@kumiai/shared';
import type { MasterWins } from './conflict.ts';
import type { BeforePushHook, BeforePushHooks } from './replication.ts';

/** Turns a document of the previous schema version into this one (RxDB's `migrationStrategies`). */
export type MigrationStrategy = (old: Record<string, unknown>) => Record<string, unknown>;

/**
 * The step for a schema version that only added nullable fields (e.g. the English
 * `titleEn` beside the Japanese): an older document gets them as null (none yet);
 * the server's next change of that document brings their values.
 */
export function addedNullFields(...fields: readonly string[]): MigrationStrategy {
  return (old) => ({ ...Object.fromEntries(fields.map((field) => [field, null])), ...old });
}

/**
 * What a feature tells the device's sync engine about one synced collection
 * (the schema is shared's `syncedCollections[name]`). The engine knows no
 * feature: the app hands it the registrations of every feature module.
 */
export interface CollectionRegistration {
  name: CollectionName;
  /** Per schema version above 0, the step from the version before (RxDB runs them when the database opens). */
  migrationStrategies?: Readonly<Record<number, MigrationStrategy>>;
  /** The fields a device may change; nothing else is ever pushed as a change (none by default). */
  editableFields?: readonly string[];
  /** The feature's conflict rule, asked before the field merge (conflict.ts). */
  masterWins?: MasterWins;
  /** A step before each push of this collection, per signed-in member (e.g. forms upload the files a submission refers to). */
  beforePush?: (memberId: string) => BeforePushHook;
}

/** The registrations by collection name; two registrations of one collection are refused. */
export function byCollection(registrations: readonly CollectionRegistration[]): ReadonlyMap<CollectionName, CollectionRegistration> {
  const map = new Map<CollectionName, CollectionRegistration>();
  for (const registration of registrations) {
    if (map.has(registration.name)) throw new Error(`sync: the collection ${registration.name} is registered twice`);
    map.set(registration.name, registration);
  }
  return map;
}

/** The registrations' push steps for one member. */
export function beforePushFor(registrations: readonly CollectionRegistration[], memberId: string): BeforePushHooks {
  return Object.fromEntries(registrations.flatMap((r) => (r.beforePush ? [[r.name, r.beforePush(memberId)]] : [])));
}
