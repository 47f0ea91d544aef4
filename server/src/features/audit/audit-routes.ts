import type { FastifyInstance } from 'fastify';
import { auditQuerySchema, can, type AuditQuery } from '@kumiai/shared';
import { notFound } from '../../lib/errors.ts';
import { requireAuth } from '../../plugins/auth.ts';
import type { AuditLogService } from './audit-log.ts';
import type { AuditService } from './audit-service.ts';

export function auditRoutes(app: FastifyInstance, deps: { audit: AuditService; auditLog: AuditLogService }): void {
  const admin = (request: Parameters<typeof requireAuth>[0]) => {
    const { actor } = requireAuth(request);
    // The audit log is the whole union's: only an admin granted on the root reads it.
    if (!can(actor, 'audit.read', { unitPath: actor.unitPath.slice(0, 1) })) throw notFound();
    return actor;
  };

  app.get<{ Querystring: AuditQuery }>('/api/audit', { config: { access: 'member' }, schema: { querystring: auditQuerySchema } }, async (request) => {
    admin(request);
    return deps.auditLog.list(request.query);
  });

  app.get<{ Querystring: AuditQuery }>('/api/audit/export.csv', { config: { access: 'member' }, schema: { querystring: auditQuerySchema } }, async (request, reply) => {
    const actor = admin(request);
    return reply
      .type('text/csv; charset=utf-8')
      .header('Content-Disposition', 'attachment; filename="audit-log.csv"')
      .send(deps.auditLog.exportCsv(actor, request.query));
  });

  app.get('/api/audit/verify', { config: { access: 'member' } }, async (request) => {
    admin(request);
    return deps.audit.verify();
  });
}
