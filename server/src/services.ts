import path from 'node:path';
import type { Config } from './config.ts';
import type { Db } from './db/database.ts';
import { AuditService } from './features/audit/audit-service.ts';
import { AuthService } from './features/auth/auth-service.ts';
import { ActorRepo } from './features/auth/actor-repo.ts';
import { SessionService } from './features/auth/session-service.ts';
import { KioskService } from './features/kiosk/kiosk-service.ts';
import { KioskRepo } from './features/kiosk/kiosk-repo.ts';
import { MembersService } from './features/members/members-service.ts';
import { MembersRepo } from './features/members/members-repo.ts';
import { OrgService } from './features/org/org-service.ts';
import { OrgRepo } from './features/org/org-repo.ts';
import { RosterRepo, RosterService } from './features/roster/index.ts';
import { Throttle } from './features/auth/throttle.ts';
import { SetupRepo } from './features/setup/setup-repo.ts';
import { SetupService } from './features/setup/setup-service.ts';
import { TokenService } from './features/tokens/token-service.ts';
import { UploadsService } from './features/uploads/uploads-service.ts';
import { UploadsRepo } from './features/uploads/uploads-repo.ts';
import { membersCollection } from './features/members/members-sync.ts';
import { NoticesService } from './features/notices/notices-service.ts';
import { NoticesRepo } from './features/notices/notices-repo.ts';
import { noticesCollection, readsCollection } from './features/notices/notices-sync.ts';
import { commentsCollection } from './features/comments/comments-sync.ts';
import { CommentsRepo, CommentsService } from './features/comments/comments-service.ts';
import { PushService } from './features/push/push-service.ts';
import { PushRepo } from './features/push/push-repo.ts';
import { DocumentsService } from './features/documents/documents-service.ts';
import { DocumentsRepo } from './features/documents/documents-repo.ts';
import { documentsCollection } from './features/documents/documents-sync.ts';
import { SearchService } from './features/search/search-service.ts';
import { unitsCollection } from './features/org/units-sync.ts';
import type { Clock } from './lib/clock.ts';
import { SyncEngine } from './sync/engine.ts';
import { type AnyRegistration, CollectionRegistry } from './sync/registry.ts';
import { createMutator } from './lib/mutate.ts';
import { formsCollection, submissionsCollection } from './features/forms/forms-sync.ts';
import { FormsRepo } from './features/forms/forms-repo.ts';
import { FormsService } from './features/forms/forms-service.ts';
import { FormResultsService } from './features/forms/forms-results.ts';
import { ApplicationsService } from './features/forms/applications-service.ts';

/**
 * The services of one server (or one CLI run) over one database. The HTTP
 * routes and the admin CLI call the same services, so both enforce the same rules.
 */
export function createServices(
  db: Db,
  clock: Clock,
  config: Pick<Config, 'setupTokenTtlMs' | 'scryptLogN' | 'activationTtlMs' | 'publicUrl' | 'kioskIdleSeconds' | 'dataDir' | 'uploadMaxBytes' | 'uploadQuotaBytesPerDay' | 'pdf' | 'pushHosts'>,
  /** Further synced collections (the benchmark registers its own; features list theirs above). */
  extraCollections: readonly AnyRegistration[] = [],
) {
  const audit = new AuditService(db, clock);
  const actors = new ActorRepo(db);
  const mutate = createMutator(db, audit, clock);
  const sessions = new SessionService(db, clock);
  const throttle = new Throttle(db, clock);
  const auth = new AuthService(db, clock, throttle, { scryptLogN: config.scryptLogN });
  // Features register their synced collections; the engine knows nothing else about them.
  const registry = new CollectionRegistry();
  registry.register(unitsCollection);
  registry.register(membersCollection);
  registry.register(noticesCollection);
  registry.register(readsCollection);
  registry.register(commentsCollection);
  registry.register(documentsCollection);
  registry.register(formsCollection);
  // Called after a device's submit commits; `applications` is built below, before any push can arrive.
  registry.register(submissionsCollection({ onSubmitted: (id) => applications.notifySubmitted(id) }));
  for (const registration of extraCollections) registry.register(registration);
  const uploads = new UploadsService(new UploadsRepo(db), clock, {
    dir: path.join(config.dataDir, 'uploads'),
    maxBytes: config.uploadMaxBytes,
    quotaBytesPerDay: config.uploadQuotaBytesPerDay,
  });
  const noticesRepo = new NoticesRepo(db);
  const push = new PushService(db, clock, actors, { publicUrl: config.publicUrl, hosts: config.pushHosts, keyFile: path.join(config.dataDir, 'vapid-private.key') }, noticesRepo, mutate, new PushRepo(db));
  const formsRepo = new FormsRepo(db);
  const applications = new ApplicationsService(actors, formsRepo, mutate, push);
  return {
    db,
    clock,
    audit,
    actors,
    mutate,
    sessions,
    org: new OrgService(new OrgRepo(db), actors, mutate),
    members: new MembersService(new MembersRepo(db), clock, actors, mutate, { publicUrl: config.publicUrl, activationTtlMs: config.activationTtlMs }),
    throttle,
    auth,
    sync: new SyncEngine(db, registry, actors, clock),
    kiosks: new KioskService(new KioskRepo(db), actors, auth, sessions, mutate, { idleSeconds: config.kioskIdleSeconds }),
    tokens: new TokenService(db, clock),
    uploads,
    notices: new NoticesService(noticesRepo, clock, actors, uploads, mutate),
    comments: new CommentsService(new CommentsRepo(db), noticesRepo, actors, mutate),
    push,
    forms: new FormsService(actors, formsRepo, mutate),
    formResults: new FormResultsService(db, actors, formsRepo, mutate, push, clock),
    applications,
    documents: new DocumentsService(new DocumentsRepo(db), actors, uploads, mutate),
    search: new SearchService(db, clock, uploads, config.pdf),
    roster: new RosterService(new RosterRepo(db), clock),
    setup: new SetupService(new SetupRepo(db), clock, audit, { tokenTtlMs: config.setupTokenTtlMs, scryptLogN: config.scryptLogN }),
  };
}

export type Services = ReturnType<typeof createServices>;
