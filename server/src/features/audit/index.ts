/** What other features may use of the audit chain (a lint rule holds other features to this file). */
export { auditModule } from './module.ts';
export type { AuditService } from './audit-service.ts';
