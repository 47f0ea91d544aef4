import { defineModule } from '../../lib/feature-module.ts';
import { auditRoutes } from './audit-routes.ts';

/** Reading the audit chain. The chain itself is kernel (`services.audit`): every privileged write records into it. */
export const auditModule = defineModule({
  name: 'audit',
  dependsOn: [],
  routes: (app, services) => auditRoutes(app, services),
  pushKinds: [],
  auditActions: [],
});
