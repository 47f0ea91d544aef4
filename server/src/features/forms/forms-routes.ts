import type { FastifyInstance } from 'fastify';
import { applicationActionSchema, formInputSchema, type ApplicationActionInput, type FormInput, type SubmissionState } from '@kumiai/shared';
import { idParams } from '../../lib/schemas.ts';
import { requireAuth } from '../../plugins/auth.ts';
import type { ApplicationsService } from './applications-service.ts';
import type { FormResultsService } from './forms-results.ts';
import { inboxQuerySchema } from './forms-schemas.ts';
import type { FormsService } from './forms-service.ts';

/**
 * The officers' side of surveys and applications (shared/src/forms/api.ts);
 * members fill in and submit through sync.
 */
export function formsRoutes(app: FastifyInstance, deps: { forms: FormsService; formResults: FormResultsService; applications: ApplicationsService }): void {
  app.post<{ Body: FormInput }>('/api/forms', { config: { access: 'member' }, schema: { body: formInputSchema } }, async (request, reply) =>
    reply.status(201).send(deps.forms.create(requireAuth(request).actor, request.body)),
  );
  app.put<{ Params: { id: string }; Body: FormInput }>('/api/forms/:id', { config: { access: 'member' }, schema: { params: idParams, body: formInputSchema } }, async (request) =>
    deps.forms.update(requireAuth(request).actor, request.params.id, request.body),
  );
  app.post<{ Params: { id: string } }>('/api/forms/:id/archive', { config: { access: 'member' }, schema: { params: idParams } }, async (request) =>
    deps.forms.archive(requireAuth(request).actor, request.params.id),
  );
  app.post<{ Params: { id: string } }>('/api/forms/:id/remind', { config: { access: 'member' }, schema: { params: idParams } }, async (request) =>
    deps.formResults.remind(requireAuth(request).actor, request.params.id),
  );
  app.get<{ Params: { id: string } }>('/api/forms/:id/results', { config: { access: 'member' }, schema: { params: idParams } }, async (request) =>
    deps.formResults.results(requireAuth(request).actor, request.params.id),
  );
  app.get<{ Params: { id: string } }>('/api/forms/:id/export.csv', { config: { access: 'member' }, schema: { params: idParams } }, async (request, reply) => {
    const { filename, body } = deps.formResults.exportCsv(requireAuth(request).actor, request.params.id);
    return reply
      .type('text/csv; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="export.csv"; filename*=UTF-8''${encodeURIComponent(filename)}`)
      .header('Cache-Control', 'no-store')
      .send(body);
  });

  app.get<{ Querystring: { state?: SubmissionState; step?: string; unit?: string; form?: string; mine?: '0' | '1'; cursor?: string } }>(
    '/api/applications',
    { config: { access: 'member' }, schema: { querystring: inboxQuerySchema } },
    async (request) => {
      const q = request.query;
      return deps.applications.inbox(requireAuth(request).actor, {
        ...(q.state ? { state: q.state } : {}),
        ...(q.step !== undefined ? { step: Number(q.step) } : {}),
        ...(q.unit ? { unit: q.unit } : {}),
        ...(q.form ? { form: q.form } : {}),
        mine: q.mine === '1',
        ...(q.cursor ? { cursor: q.cursor } : {}),
      });
    },
  );
  app.get<{ Params: { id: string } }>('/api/applications/:id', { config: { access: 'member' }, schema: { params: { ...idParams, properties: { id: { type: 'string', maxLength: 140 } } } } }, async (request) =>
    deps.applications.detail(requireAuth(request).actor, request.params.id),
  );
  app.post<{ Params: { id: string }; Body: ApplicationActionInput }>(
    '/api/applications/:id/actions',
    { config: { access: 'member' }, schema: { params: { ...idParams, properties: { id: { type: 'string', maxLength: 140 } } }, body: applicationActionSchema } },
    async (request) => deps.applications.act(requireAuth(request).actor, request.params.id, request.body),
  );
}
