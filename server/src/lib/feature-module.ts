import type { FastifyInstance } from 'fastify';
import type { PushPayload } from '@kumiai/shared';
import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import type { AuditService } from '../features/audit/audit-service.ts';
import type { AnyRegistration } from '../sync/registry.ts';
import type { SyncEngine } from '../sync/engine.ts';
import type { Principals } from '../sync/principal.ts';
import type { Clock } from './clock.ts';
import type { Mutate } from './mutate.ts';

/** What every feature gets without depending on another: the database, time, configuration, the audit chain and the one write wrapper. */
export interface Kernel {
  db: Db;
  clock: Clock;
  config: Config;
  audit: AuditService;
  mutate: Mutate;
}

/** The services a feature's routes, hooks and jobs see: the kernel, the sync engine, its own services and those of the modules it depends on. */
export type Wired<S> = Kernel & { sync: SyncEngine } & S;

/** Scheduled work: `poll` runs at every sync-hub poll (`KUMIAI_SYNC_POLL_MS`), `hourly` on the operations schedule. */
export interface Job {
  every: 'poll' | 'hourly';
  run(): unknown;
}

/** A kind of Web Push message (`PushPayload.type` in shared/, which the service worker reads). */
export type PushKind = PushPayload['type'];

/**
 * What one feature brings to the server. `features/index.ts` lists every module
 * once; `services.ts` builds their services and registers their collections in
 * that order, `app.ts` registers their hooks, routes and jobs.
 */
export interface FeatureModule<Deps = unknown, Provides extends object = object> {
  name: string;
  /** The modules whose services this one uses; each must come earlier in the module list (so there are no cycles). */
  dependsOn: readonly AnyFeatureModule[];
  /** Builds the feature's services; their names become fields of the services object (`services.members`). */
  services?(kernel: Kernel, deps: Deps): Provides;
  /** The synced collections (the `CollectionRegistration`s of its `*-sync.ts`). */
  collections?(services: Kernel & Deps & Provides): readonly AnyRegistration[];
  /** App-level wiring that is not a route: request hooks, start-up work, listeners between services. Runs before any route is registered. */
  hooks?(app: FastifyInstance, services: Wired<Deps & Provides>): void;
  /** Registers the feature's HTTP routes. */
  routes?(app: FastifyInstance, services: Wired<Deps & Provides>): void;
  /** Who else may sync besides members (a federation's linked unions): asked after members, by token only. */
  principals?(services: Kernel & Deps & Provides): readonly Principals[];
  jobs?(services: Wired<Deps & Provides>): readonly Job[];
  /** The push kinds it sends (`features/index.ts` checks together they are exactly `PushPayload['type']`). */
  pushKinds: readonly PushKind[];
  /** The audit actions it records; the `AuditAction` type is their union over the module list. */
  auditActions: readonly string[];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a module of any feature, its service types erased, as the module list holds them
export type AnyFeatureModule = FeatureModule<any, object>;

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/** The services that a list of modules provides, together. */
export type ProvidedBy<Ms extends readonly AnyFeatureModule[]> = UnionToIntersection<
  { [K in keyof Ms]: Ms[K] extends FeatureModule<unknown, infer P> ? P : never }[number]
>;

/**
 * Declares a feature module; its dependencies' services reach its factory typed.
 * Keep `services` before the other members: TypeScript infers what it provides from it, left to right.
 */
export function defineModule<const Ds extends readonly AnyFeatureModule[], Provides extends object = object, const A extends readonly string[] = readonly [], const K extends readonly PushKind[] = readonly []>(
  module: {
    name: string;
    dependsOn: Ds;
    services?(kernel: Kernel, deps: ProvidedBy<Ds>): Provides;
    collections?(services: Kernel & ProvidedBy<Ds> & Provides): readonly AnyRegistration[];
    hooks?(app: FastifyInstance, services: Wired<ProvidedBy<Ds> & Provides>): void;
    routes?(app: FastifyInstance, services: Wired<ProvidedBy<Ds> & Provides>): void;
    principals?(services: Kernel & ProvidedBy<Ds> & Provides): readonly Principals[];
    jobs?(services: Wired<ProvidedBy<Ds> & Provides>): readonly Job[];
    pushKinds: K;
    auditActions: A;
  },
): FeatureModule<ProvidedBy<Ds>, Provides> & { auditActions: A; pushKinds: K } {
  return module;
}
