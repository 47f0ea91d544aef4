import type { Config } from './config.ts';
import type { Db } from './db/database.ts';
import { AuditService } from './features/audit/audit-service.ts';
import { featureModules, type FeatureServices } from './features/index.ts';
import type { Clock } from './lib/clock.ts';
import type { AnyFeatureModule, Kernel } from './lib/feature-module.ts';
import { createMutator } from './lib/mutate.ts';
import { SyncEngine } from './sync/engine.ts';
import { type AnyRegistration, CollectionRegistry } from './sync/registry.ts';

/**
 * The services of one server (or one CLI run) over one database: the kernel,
 * then each feature module's services in the order of `features/index.ts`. The
 * HTTP routes and the admin CLI call the same services, so both enforce the same rules.
 */
export function createServices(
  db: Db,
  clock: Clock,
  config: Config,
  /** Further synced collections (the benchmark registers its own; features declare theirs in their module). */
  extraCollections: readonly AnyRegistration[] = [],
  modules: readonly AnyFeatureModule[] = featureModules,
) {
  const audit = new AuditService(db, clock);
  const kernel: Kernel = { db, clock, config, audit, mutate: createMutator(db, audit, clock) };
  const provided: Record<string, unknown> = {};
  const built = new Set<AnyFeatureModule>();
  for (const module of modules) {
    const missing = module.dependsOn.find((dependency) => !built.has(dependency));
    if (missing) throw new Error(`feature module ${module.name} depends on ${missing?.name ?? 'a module not yet defined (an import cycle?)'}, which must come earlier in the module list`);
    for (const [name, service] of Object.entries(module.services?.(kernel, provided) ?? {})) {
      if (name in provided || name in kernel || name === 'sync') throw new Error(`feature module ${module.name} provides ${name}, which another already provides`);
      provided[name] = service;
    }
    built.add(module);
  }
  // Features register their synced collections; the engine knows nothing else about them.
  const registry = new CollectionRegistry();
  for (const module of modules) for (const registration of module.collections?.({ ...kernel, ...provided }) ?? []) registry.register(registration);
  for (const registration of extraCollections) registry.register(registration);
  // The built services match the modules' declared types: each name came from the module that declares it.
  const features = provided as FeatureServices;
  return { ...kernel, ...features, sync: new SyncEngine(db, registry, features.actors, clock) };
}

export type Services = ReturnType<typeof createServices>;
