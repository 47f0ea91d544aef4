import { defineModule } from '../../lib/feature-module.ts';
import { authModule } from '../auth/index.ts';
import { UnitsRepo } from './units-repo.ts';
import { unitsRoutes } from './units-routes.ts';
import { UnitsService } from './units-service.ts';
import { unitsCollection } from './units-sync.ts';

/** The union's tree of units (branches, workplaces). */
export const unitsModule = defineModule({
  name: 'units',
  dependsOn: [authModule],
  services: ({ db, mutate }, { actors }) => ({ units: new UnitsService(new UnitsRepo(db), actors, mutate) }),
  collections: () => [unitsCollection],
  routes: (app, services) => unitsRoutes(app, services),
  pushKinds: [],
  auditActions: ['unit.created', 'unit.renamed', 'unit.moved', 'unit.archived'],
});
