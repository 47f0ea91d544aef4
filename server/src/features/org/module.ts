import { defineModule } from '../../lib/feature-module.ts';
import { authModule } from '../auth/module.ts';
import { OrgRepo } from './org-repo.ts';
import { orgRoutes } from './org-routes.ts';
import { OrgService } from './org-service.ts';
import { unitsCollection } from './units-sync.ts';

/** The union's tree of units (branches, workplaces). */
export const orgModule = defineModule({
  name: 'org',
  dependsOn: [authModule],
  services: ({ db, mutate }, { actors }) => ({ org: new OrgService(new OrgRepo(db), actors, mutate) }),
  collections: () => [unitsCollection],
  routes: (app, services) => orgRoutes(app, services),
  pushKinds: [],
  auditActions: ['unit.created', 'unit.renamed', 'unit.moved', 'unit.archived'],
});
