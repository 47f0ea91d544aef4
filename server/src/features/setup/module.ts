import { defineModule } from '../../lib/feature-module.ts';
import { authModule } from '../auth/index.ts';
import { SetupRepo } from './setup-repo.ts';
import { setupRoutes } from './setup-routes.ts';
import { SetupService } from './setup-service.ts';

/** The first run: the one-time link that names the union and creates the first admin. */
export const setupModule = defineModule({
  name: 'setup',
  dependsOn: [authModule],
  services: ({ db, clock, audit, config }) => ({
    setup: new SetupService(new SetupRepo(db), clock, audit, { tokenTtlMs: config.setupTokenTtlMs, scryptLogN: config.scryptLogN }),
  }),
  routes: (app, services) => setupRoutes(app, services),
  pushKinds: [],
  auditActions: ['setup.completed'],
});
