import fs from 'node:fs';
import cookie from '@fastify/cookie';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Health } from '@kumiai/shared';
import type { Config } from './config.ts';
import type { Db } from './db/database.ts';
import { MemberPrincipals } from './features/auth/member-principals.ts';
import { SESSION_COOKIE } from './features/auth/session-service.ts';
import { featureModules } from './features/index.ts';
import { type Clock, systemClock } from './lib/clock.ts';
import type { AnyFeatureModule, Job } from './lib/feature-module.ts';
import { loggerOptions } from './lib/logger.ts';
import { authPlugin } from './plugins/auth.ts';
import { csrfPlugin } from './plugins/csrf.ts';
import { capConnectionsPerAddress, serverTimeouts } from './plugins/connections.ts';
import { errorPlugin } from './plugins/errors.ts';
import { securityPlugin } from './plugins/security.ts';
import { staticPlugin } from './plugins/static.ts';
import { createServices, type Services } from './services.ts';
import { DEFAULT_SYNC_OPTIONS, SyncHub } from './sync/hub.ts';
import { PrincipalSet } from './sync/principal.ts';
import type { AnyRegistration } from './sync/registry.ts';
import { syncRoutes } from './sync/routes.ts';
import { version } from './version.ts';
import { AppError } from './lib/errors.ts';
import { registerMetrics } from './ops/metrics.ts';
import { OpsService } from './ops/ops-service.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Every API route declares who may call it; a test walks the routes and
     * fails on any without. 'public' routes need no sign-in; 'member' routes
     * need one, and their services decide with `can()` from shared/.
     */
    access?: 'public' | 'member';
  }
}

export interface AppDeps {
  config: Config;
  db: Db;
  clock?: Clock;
  logger?: FastifyServerOptions['logger'];
  /** Extra synced collections (used by the benchmark). */
  collections?: readonly AnyRegistration[];
}

export interface App {
  app: FastifyInstance;
  services: Services;
  /** Shortcut for main.ts and tests. */
  setup: Services['setup'];
  hub: SyncHub;
  /** Backups, WAL checkpoints and the disk check (issue 15); main.ts starts its schedule, tests call it directly. */
  ops: OpsService;
  /** Every route registered, with its declared access, for the route-access test. */
  routes: RouteInfo[];
  /** Every scheduled job a feature module added, for the module-list test. */
  jobs: JobInfo[];
}

export interface JobInfo {
  feature: string;
  every: Job['every'];
}

export interface RouteInfo {
  method: string;
  url: string;
  access: 'public' | 'member' | undefined;
}

export async function buildApp({ config, db, clock = systemClock, logger, collections = [] }: AppDeps): Promise<App> {
  const app = Fastify({
    logger: logger ?? loggerOptions(config.logLevel),
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    // Forged or unknown fields are refused, never silently dropped or coerced.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allErrors: false } },
    ...serverTimeouts(config.transport, config.tls ? { cert: fs.readFileSync(config.tls.cert), key: fs.readFileSync(config.tls.key) } : null),
  } as FastifyServerOptions);
  // Connections from the proxy all share its address: there the proxy limits them (README "Limits").
  if (!config.trustProxy) capConnectionsPerAddress(app.server, config.transport.connectionsPerAddress);
  const startedAt = clock.now();

  const routes: RouteInfo[] = [];
  app.addHook('onRoute', (route) => {
    routes.push({ method: String(route.method), url: route.url, access: route.config?.access });
  });
  const services = createServices(db, clock, config, collections);
  const { setup, sessions } = services;

  await app.register(errorPlugin);
  await app.register(securityPlugin, { config });
  await app.register(cookie);
  await app.register(csrfPlugin, { publicUrl: config.publicUrl });
  await app.register(authPlugin, { db, sessions, resolveBearer: (token) => services.tokens.resolve(token) });

  const ops = new OpsService(db, config.dataDir, config.ops, clock, app.log);
  app.get('/healthz', { config: { access: 'public' } }, async (_request, reply): Promise<Health> => {
    let database: Health['database'] = 'ok';
    try {
      db.prepare('SELECT 1').get();
    } catch {
      database = 'unreachable';
      reply.status(503);
    }
    return { status: 'ok', version, uptimeSeconds: Math.round((clock.now() - startedAt) / 1000), database, lastBackupAgeSeconds: ops.lastBackupAgeSeconds };
  });
  services.sync.reportError = (err) => app.log.error({ err }, 'a sync after-commit effect failed');
  // Who may sync: members, by their session cookie or an API token, and whatever other principals features bring
  // (a federation's linked unions, by their service token). The engine knows them only as Principals.
  const principals = new PrincipalSet([
    new MemberPrincipals(db, services.actors, sessions, services.tokens, clock),
    ...(featureModules as readonly AnyFeatureModule[]).flatMap((module) => module.principals?.(services) ?? []),
  ]);
  const hub = new SyncHub(db, services.sync, principals, clock, app.log, {
    ...DEFAULT_SYNC_OPTIONS,
    maxMessageBytes: config.sync.maxMessageBytes,
    pollMs: config.sync.pollMs,
    ratePerSecond: config.sync.ratePerSecond,
    rateBurst: config.sync.ratePerSecond * 2,
    authTimeoutMs: config.transport.syncAuthTimeoutMs,
    maxSocketsPerAddress: config.transport.syncSocketsPerAddress,
    newSocketsPerSecond: config.transport.syncNewSocketsPerSecond,
    newSocketsBurst: config.transport.syncNewSocketsPerSecond * 6,
  });
  await app.register(syncRoutes, { hub, principals, sessionCookie: SESSION_COOKIE, publicUrl: config.publicUrl });
  // --- issue 15 (operations): metrics, idle WAL checkpoints, uploads refused on a nearly full disk (src/ops/README.md) ---
  registerMetrics(app, { token: config.ops.metricsToken, hub, engine: services.sync, push: services.push, ops });
  app.addHook('onRequest', async (request) => {
    ops.touch();
    if (request.method === 'POST' && (request.routeOptions.url === '/api/uploads' || request.routeOptions.url === '/api/consultations/files') && ops.diskLow()) {
      throw new AppError('storage_full', 507, 'The server is nearly out of disk space');
    }
  });
  app.addHook('onClose', async () => ops.stop());
  // A change made through a route reaches connected devices at once (changes from other processes: the poll).
  app.addHook('onResponse', async (request) => {
    if (request.method !== 'GET' && request.routeOptions.url?.startsWith('/api/')) hub.notify();
  });
  app.addHook('onReady', async () => hub.start());

  // Each feature's hooks, then its routes, then its jobs (`features/index.ts` lists the modules).
  const modules: readonly AnyFeatureModule[] = featureModules;
  for (const module of modules) module.hooks?.(app, services);
  for (const module of modules) module.routes?.(app, services);
  const jobs: JobInfo[] = [];
  for (const module of modules) {
    for (const job of module.jobs?.(services) ?? []) {
      // 'poll' jobs ride the hub's poll (scheduled notices are published, then streamed, on time).
      if (job.every === 'poll') hub.addJob(() => job.run());
      else ops.addHourlyJob(() => job.run());
      jobs.push({ feature: module.name, every: job.every });
    }
  }

  await app.register(staticPlugin, { clientDir: config.clientDir });
  return { app, services, setup, routes, jobs, hub, ops };
}
