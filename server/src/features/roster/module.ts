import { defineModule } from '../../lib/feature-module.ts';
import { RosterRepo, RosterService } from './index.ts';
import { rosterRoutes } from './roster-routes.ts';

/** Importing the roster and the unit tree from CSV (routes and `pnpm kumiai … import`). */
export const rosterModule = defineModule({
  name: 'roster',
  dependsOn: [],
  services: ({ db, clock }) => ({ roster: new RosterService(new RosterRepo(db), clock) }),
  routes: (app, services) => rosterRoutes(app, services),
  pushKinds: [],
  auditActions: ['units.imported', 'members.imported'],
});
