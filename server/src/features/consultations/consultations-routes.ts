import type { FastifyInstance } from 'fastify';
import {
  assigneesInputSchema, consultationSettingsSchema, scopeRoots, statusInputSchema,
  type AssigneesInput, type ConsultationSettings, type StatusInput,
} from '@kumiai/shared';
import { AppError } from '../../lib/errors.ts';
import type { Mutate } from '../../lib/mutate.ts';
import type { SyncEngine } from '../../sync/engine.ts';
import { requireAuth } from '../../plugins/auth.ts';
import type { ActorRepo } from '../auth/index.ts';
import type { ConsultationFiles } from './consultations-files.ts';
import type { ConsultationsRepo } from './consultations-repo.ts';
import type { ConsultationsService } from './consultations-service.ts';
import { consultationStats } from './consultations-stats.ts';

const idSchema = { type: 'string', minLength: 1, maxLength: 64 } as const;
const idParams = { type: 'object', additionalProperties: false, required: ['id'], properties: { id: idSchema } } as const;
const emptySchema = { type: 'object', additionalProperties: false, properties: {} } as const;
const month = { type: 'string', pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$' } as const;
const statsQuery = { type: 'object', additionalProperties: false, required: ['from', 'to'], properties: { from: month, to: month } } as const;

type Id = { Params: { id: string } };

export interface ConsultationRouteDeps {
  consultations: ConsultationsService;
  consultationFiles: ConsultationFiles;
  consultationsRepo: ConsultationsRepo;
  actors: ActorRepo;
  mutate: Mutate;
  sync: SyncEngine;
  maxBytes: number;
}

/** The routes listed in shared/src/consultations/api.ts. */
export function consultationsRoutes(app: FastifyInstance, deps: ConsultationRouteDeps): void {
  const { consultations } = deps;
  const member = { config: { access: 'member' as const } };
  const withId = { ...member, schema: { params: idParams } };
  const actor = (request: Parameters<typeof requireAuth>[0]) => requireAuth(request).actor;

  // Files: the raw bytes as the body, as POST /api/uploads takes them.
  void app.register(async (files) => {
    files.removeAllContentTypeParsers();
    files.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: deps.maxBytes + 1024 }, (_request, body, done) => done(null, body));
    files.post<{ Querystring: { name: string }; Body: Buffer }>(
      '/api/consultations/files',
      {
        config: { access: 'member', bodyTypes: ['application/octet-stream', 'application/pdf', 'image/*'] },
        bodyLimit: deps.maxBytes + 1024,
        schema: { querystring: { type: 'object', additionalProperties: false, required: ['name'], properties: { name: { type: 'string', minLength: 1, maxLength: 200 } } } },
      },
      async (request, reply) => {
        if (!Buffer.isBuffer(request.body) || request.body.length === 0) throw new AppError('bad_request', 400, 'Send the file as the request body');
        return reply.status(201).send(deps.consultationFiles.store(actor(request), request.query.name, request.body));
      },
    );
  });
  app.get<Id>('/api/consultations/files/:id', withId, async (request, reply) => {
    const file = deps.consultationFiles.read(actor(request), deps.sync, request.params.id);
    return reply
      .type(file.type)
      .header('Content-Security-Policy', "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'")
      .header('X-Content-Type-Options', 'nosniff')
      .header('Cache-Control', 'private, no-store')
      .header('Content-Disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.name)}`)
      .send(file.body);
  });

  app.post<Id>('/api/consultations/:id/erase', { ...member, schema: { params: idParams, body: emptySchema } }, async (request) => {
    consultations.eraseByMember(actor(request), request.params.id);
    return {};
  });
  app.get('/api/consultations/desk', member, async (request) => ({ cases: consultations.desk(actor(request)) }));
  app.get<Id>('/api/consultations/:id/candidates', withId, async (request) => ({ officers: consultations.candidates(actor(request), request.params.id) }));
  app.put<Id & { Body: AssigneesInput }>('/api/consultations/:id/assignees', { ...member, schema: { params: idParams, body: assigneesInputSchema } }, async (request) =>
    consultations.assign(actor(request), request.params.id, request.body.memberIds),
  );
  app.post<Id & { Body: StatusInput }>('/api/consultations/:id/status', { ...member, schema: { params: idParams, body: statusInputSchema } }, async (request) => {
    consultations.setStatus(actor(request), request.params.id, request.body.status);
    return {};
  });
  app.get<{ Querystring: { from: string; to: string } }>('/api/consultations/stats', { ...member, schema: { querystring: statsQuery } }, async (request) =>
    consultationStats(deps.consultationsRepo, deps.actors, actor(request), request.query.from, request.query.to),
  );
  app.get('/api/consultations/settings', member, async (request): Promise<ConsultationSettings> => {
    if (scopeRoots(actor(request), 'consultation.stats').length === 0) throw new AppError('forbidden', 403, 'Not allowed: consultation.stats');
    return { retentionDays: deps.consultationsRepo.retentionDays() };
  });
  app.put<{ Body: ConsultationSettings }>('/api/consultations/settings', { ...member, schema: { body: consultationSettingsSchema } }, async (request) => {
    const who = actor(request);
    // The union's setting: consultation.settings over the whole union (its root).
    const root = deps.actors.unitPath(who.unitPath[0]!);
    deps.mutate(
      who,
      { checks: [{ action: 'consultation.settings', resource: { unitPath: root } }], audit: { action: 'consultation.settings_changed', target: null, detail: { ...request.body } } },
      () => deps.consultationsRepo.setRetentionDays(request.body.retentionDays),
    );
    return { retentionDays: deps.consultationsRepo.retentionDays() };
  });
}
