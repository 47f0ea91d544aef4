import { defineModule } from '../../lib/feature-module.ts';
import { authModule } from '../auth/index.ts';
import { DataRightsRepo } from './data-rights-repo.ts';
import { dataRightsRoutes } from './data-rights-routes.ts';
import { DataRightsService } from './data-rights-service.ts';

/** Each member's data rights: their own export, and pseudonymisation once the retention after leaving has passed. */
export const dataRightsModule = defineModule({
  name: 'data-rights',
  dependsOn: [authModule],
  services: ({ db, clock, mutate, audit }, { actors }) => ({ dataRights: new DataRightsService(new DataRightsRepo(db), clock, actors, mutate, audit) }),
  routes: (app, services) => dataRightsRoutes(app, services),
  jobs: ({ dataRights, config }) => [{ every: 'hourly', run: () => dataRights.pseudonymiseExpired(config.ops.retentionDaysAfterLeaving) }],
  pushKinds: [],
  auditActions: ['member.data_exported', 'member.pseudonymised'],
});
