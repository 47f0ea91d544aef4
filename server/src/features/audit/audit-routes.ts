import type { FastifyInstance } from 'fastify';
import { can } from '@kumiai/shared';
import { notFound } from '../../lib/errors.ts';
import { requireAuth } from '../../plugins/auth.ts';
import type { AuditService } from './audit-service.ts';

export function auditRoutes(app: FastifyInstance, deps: { audit: AuditService }): void {
  const admin = (request: Parameters<typeof requireAuth>[0]) => {
    const { actor } = requireAuth(request);
    // The audit log is the whole union's: only an admin granted on the root reads it.
    if (!can(actor, 'audit.read', { unitPath: actor.unitPath.slice(0, 1) })) throw notFound();
  };

  app.get<{ Querystring: { before?: string } }>(
    '/api/audit',
    { config: { access: 'member' }, schema: { querystring: { type: 'object', additionalProperties: false, properties: { before: { type: 'string', pattern: '^[0-9]{1,15}$' } } } } },
    async (request) => {
      admin(request);
      const entries = deps.audit.list({ beforeSeq: request.query.before ? Number(request.query.before) : undefined, limit: 100 });
      return { entries: entries.map((e) => ({ seq: e.seq, at: e.at, actorId: e.actor_id, action: e.action, target: e.target, detail: JSON.parse(e.detail) as unknown })) };
    },
  );

  app.get('/api/audit/verify', { config: { access: 'member' } }, async (request) => {
    admin(request);
    return deps.audit.verify();
  });
}
