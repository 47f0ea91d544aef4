import { defineModule } from '../../lib/feature-module.ts';
import { AuditLogService } from './audit-log.ts';
import { AuditRepo } from './audit-repo.ts';
import { auditRoutes } from './audit-routes.ts';

/** Reading the audit chain (filtered, with names, as CSV). The chain itself is kernel (`services.audit`): every privileged write records into it. */
export const auditModule = defineModule({
  name: 'audit',
  dependsOn: [],
  services: ({ db, mutate }) => ({ auditLog: new AuditLogService(new AuditRepo(db), mutate) }),
  routes: (app, services) => auditRoutes(app, services),
  pushKinds: [],
  auditActions: ['audit.exported'],
});
