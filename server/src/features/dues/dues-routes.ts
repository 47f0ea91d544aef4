import type { FastifyInstance, FastifyReply } from 'fastify';
import {
  basePayInputSchema, checkoffQuerySchema, directPaymentInputSchema, duesPolicyInputSchema, duesRuleInputSchema, exemptionInputSchema, monthPattern,
  type BasePayInput, type CheckoffQuery, type DirectPaymentInput, type DuesPolicyInput, type DuesRuleInput, type ExemptionInput,
} from '@kumiai/shared';
import { AppError } from '../../lib/errors.ts';
import { requireAuth } from '../../plugins/auth.ts';
import type { DuesReports } from './dues-reports.ts';
import type { DuesService } from './dues-service.ts';

/** Raw file bytes: the engine detects UTF-8 or Shift_JIS itself (as the roster import). Not text/plain, which another site's form can post. */
const RAW_TYPES = ['text/csv', 'application/csv', 'application/octet-stream', 'application/vnd.ms-excel'];
const UPLOAD_LIMIT = 32 * 1024 * 1024;

const idParams = { type: 'object', additionalProperties: false, required: ['id'], properties: { id: { type: 'string', maxLength: 64 } } } as const;
const month = { type: 'string', pattern: monthPattern, maxLength: 7 } as const;
const year = { type: 'string', pattern: '^[0-9]{4}$', maxLength: 4 } as const;
const q = (properties: Record<string, unknown>, required: string[] = []) => ({ type: 'object', additionalProperties: false, required, properties });

function csv(reply: FastifyReply, file: { filename: string; body: Buffer }) {
  return reply
    .type('text/csv; charset=utf-8')
    .header('Content-Disposition', `attachment; filename="${file.filename}"`)
    .header('Cache-Control', 'no-store')
    .send(file.body);
}

/** The routes listed in shared/src/dues/api.ts. */
export function duesRoutes(parent: FastifyInstance, deps: { dues: DuesService; duesReports: DuesReports }): void {
  const { dues, duesReports: reports } = deps;
  const auth = { config: { access: 'member' as const } };
  const actor = (request: Parameters<typeof requireAuth>[0]) => requireAuth(request).actor;

  parent.get('/api/dues/policy', auth, async (request) => dues.settings(actor(request)));
  parent.put<{ Body: DuesPolicyInput }>('/api/dues/policy', { ...auth, schema: { body: duesPolicyInputSchema } }, async (request) => dues.setPolicy(actor(request), request.body));
  parent.get('/api/dues/rules', auth, async (request) => ({ rules: dues.rules(actor(request)) }));
  parent.post<{ Body: DuesRuleInput }>('/api/dues/rules', { ...auth, schema: { body: duesRuleInputSchema } }, async (request) => dues.addRule(actor(request), request.body));
  parent.delete<{ Params: { id: string } }>('/api/dues/rules/:id', { ...auth, schema: { params: idParams } }, async (request) => {
    dues.deleteRule(actor(request), request.params.id);
    return { id: request.params.id };
  });
  parent.get<{ Querystring: { member: string } }>('/api/dues/exemptions', { ...auth, schema: { querystring: q({ member: { type: 'string', maxLength: 64 } }, ['member']) } }, async (request) => ({
    exemptions: dues.exemptions(actor(request), request.query.member),
  }));
  parent.post<{ Body: ExemptionInput }>('/api/dues/exemptions', { ...auth, schema: { body: exemptionInputSchema } }, async (request) => dues.addExemption(actor(request), request.body));
  parent.delete<{ Params: { id: string } }>('/api/dues/exemptions/:id', { ...auth, schema: { params: idParams } }, async (request) => {
    dues.deleteExemption(actor(request), request.params.id);
    return { id: request.params.id };
  });
  parent.put<{ Body: BasePayInput }>('/api/dues/base-pay', { ...auth, bodyLimit: UPLOAD_LIMIT, schema: { body: basePayInputSchema } }, async (request) => dues.saveBasePay(actor(request), request.body));
  parent.get('/api/dues/employers', auth, async (request) => {
    dues.settings(actor(request));
    return { employers: dues.repo.employers() };
  });
  parent.post<{ Body: DirectPaymentInput }>('/api/dues/payments', { ...auth, schema: { body: directPaymentInputSchema } }, async (request) => dues.recordPayment(actor(request), request.body));

  parent.get<{ Querystring: { month: string } }>('/api/dues/totals', { ...auth, schema: { querystring: q({ month }, ['month']) } }, async (request) => ({
    month: request.query.month,
    units: reports.totals(actor(request), request.query.month),
  }));
  parent.get<{ Querystring: { year: string; unit: string } }>(
    '/api/dues/summary',
    { ...auth, schema: { querystring: q({ year, unit: { type: 'string', maxLength: 64 } }, ['year', 'unit']) } },
    async (request) => reports.summary(actor(request), request.query.year, request.query.unit),
  );
  parent.get<{ Querystring: { asOf: string } }>('/api/dues/arrears', { ...auth, schema: { querystring: q({ asOf: month }, ['asOf']) } }, async (request) => ({
    asOf: request.query.asOf,
    members: reports.arrears(actor(request), request.query.asOf),
  }));
  parent.get<{ Querystring: { year: string } }>('/api/dues/me', { ...auth, schema: { querystring: q({ year }, ['year']) } }, async (request) => reports.mine(actor(request), request.query.year));
  parent.get<{ Querystring: { month?: string; year?: string } }>('/api/dues/export.csv', { ...auth, schema: { querystring: q({ month, year }) } }, async (request, reply) => {
    const { month: m, year: y } = request.query;
    if ((m === undefined) === (y === undefined)) throw new AppError('dues_month_invalid', 400, 'Give either month or year');
    return csv(reply, reports.exportRecords(actor(request), m !== undefined ? { month: m } : { year: y as string }));
  });
  parent.get<{ Querystring: { year: string } }>('/api/dues/totals.csv', { ...auth, schema: { querystring: q({ year }, ['year']) } }, async (request, reply) =>
    csv(reply, reports.exportTotals(actor(request), request.query.year)),
  );

  // Encapsulated: the raw-bytes parser applies to the check-off route only.
  void parent.register(async (app) => {
    app.addContentTypeParser(RAW_TYPES, { parseAs: 'buffer', bodyLimit: UPLOAD_LIMIT }, (_request, body, done) => done(null, body));
    app.post<{ Querystring: CheckoffQuery; Body: Buffer }>(
      '/api/dues/checkoff',
      {
        config: { access: 'member', bodyTypes: RAW_TYPES },
        bodyLimit: UPLOAD_LIMIT,
        schema: { querystring: checkoffQuerySchema },
        // One `fix=` arrives as a string, several as an array (types are not coerced): always an array for the schema.
        preValidation: async (request) => {
          const query = request.query as Record<string, unknown>;
          if (typeof query.fix === 'string') query.fix = [query.fix];
        },
      },
      async (request) => {
        if (!Buffer.isBuffer(request.body)) throw new AppError('bad_request', 415, 'Send the file itself as text/csv');
        const who = actor(request);
        return { report: request.query.mode === 'dry-run' ? dues.checkoffDryRun(who, request.body, request.query) : dues.checkoffApply(who, request.body, request.query) };
      },
    );
  });
}
