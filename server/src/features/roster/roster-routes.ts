import type { FastifyInstance } from 'fastify';
import { scopeRoots, type Actor } from '@kumiai/shared';
import { AppError } from '../../lib/errors.ts';
import { requireAuth } from '../../plugins/auth.ts';
import type { Mutate } from '../../lib/mutate.ts';
import type { RosterService } from './roster-service.ts';

/** Raw file bytes: the engine detects UTF-8 or Shift_JIS itself, so nothing may decode them first. */
const RAW_TYPES = ['text/csv', 'application/csv', 'application/octet-stream', 'application/vnd.ms-excel', 'text/plain'];
/** What a signed-in browser may send (plugins/csrf.ts): not `text/plain`, which an HTML form on another site can post. */
const COOKIE_TYPES = RAW_TYPES.filter((t) => t !== 'text/plain');
/** Above the engine's own cap, so an oversized file gets its clear `csv_too_large` report. */
const UPLOAD_LIMIT = 32 * 1024 * 1024;

const modeQuery = {
  type: 'object',
  additionalProperties: false,
  required: ['mode'],
  properties: { mode: { type: 'string', enum: ['dry-run', 'apply'] } },
} as const;

function scope(actor: Actor, action: 'member.import' | 'unit.manage'): string[] {
  const roots = scopeRoots(actor, action);
  if (roots.length === 0) throw new AppError('forbidden', 403, `Not allowed: ${action}`);
  return roots;
}

/** An import's audit entry, with what it wrote (the CLI adds who ran it as `via`). */
export function importAudit(action: 'members.imported' | 'units.imported', extra: Record<string, unknown> = {}) {
  return {
    checks: [],
    audit: { action, target: null, detail: (r: { created: number; updated: number; totalRows: number }) => ({ ...extra, created: r.created, updated: r.updated, rows: r.totalRows }) },
  };
}

export function rosterRoutes(parent: FastifyInstance, deps: { roster: RosterService; mutate: Mutate }): void {
  // A sample roster to fill in (for whoever may import members): ?encoding=utf-8 (default, with a BOM) or shift_jis.
  parent.get<{ Querystring: { encoding?: 'utf-8' | 'shift_jis' } }>(
    '/api/members/import/sample.csv',
    { config: { access: 'member' }, schema: { querystring: { type: 'object', additionalProperties: false, properties: { encoding: { type: 'string', enum: ['utf-8', 'shift_jis'] } } } } },
    async (request, reply) => {
      const encoding = request.query.encoding ?? 'utf-8';
      const body = deps.roster.sample({ scopeRootUnitIds: scope(requireAuth(request).actor, 'member.import') }, encoding);
      return reply
        .type(encoding === 'utf-8' ? 'text/csv; charset=utf-8' : 'text/csv; charset=Shift_JIS')
        .header('Content-Disposition', `attachment; filename="roster-sample-${encoding === 'utf-8' ? 'utf8' : 'sjis'}.csv"`)
        .send(body);
    },
  );

  // Encapsulated: the raw-bytes parsers apply to the import routes only.
  void parent.register(async (app) => {
    app.removeContentTypeParser('text/plain');
    app.addContentTypeParser(RAW_TYPES, { parseAs: 'buffer', bodyLimit: UPLOAD_LIMIT }, (_request, body, done) => done(null, body));

    app.post<{ Querystring: { mode: 'dry-run' | 'apply' }; Body: Buffer }>(
      '/api/members/import',
      { config: { access: 'member', bodyTypes: COOKIE_TYPES }, bodyLimit: UPLOAD_LIMIT, schema: { querystring: modeQuery } },
      async (request) => {
        const { actor } = requireAuth(request);
        const ctx = { actorId: actor.memberId, scopeRootUnitIds: scope(actor, 'member.import'), actor };
        const body = bufferBody(request.body);
        if (request.query.mode === 'dry-run') return { report: deps.roster.dryRun(body, ctx) };
        const { created, updated, ...report } = deps.roster.apply(body, ctx, (write) => deps.mutate(actor, importAudit('members.imported'), write));
        return { report, created, updated };
      },
    );

    app.post<{ Querystring: { mode: 'dry-run' | 'apply' }; Body: Buffer }>(
      '/api/units/import',
      { config: { access: 'member', bodyTypes: COOKIE_TYPES }, bodyLimit: UPLOAD_LIMIT, schema: { querystring: modeQuery } },
      async (request) => {
        const { actor } = requireAuth(request);
        const ctx = { actorId: actor.memberId, scopeRootUnitIds: scope(actor, 'unit.manage') };
        const body = bufferBody(request.body);
        if (request.query.mode === 'dry-run') return { report: deps.roster.unitsDryRun(body, ctx) };
        const { created, updated, ...report } = deps.roster.unitsApply(body, ctx, (write) => deps.mutate(actor, importAudit('units.imported'), write));
        return { report, created, updated };
      },
    );
  });
}

function bufferBody(body: unknown): Buffer {
  if (!Buffer.isBuffer(body)) throw new AppError('bad_request', 415, 'Send the file itself as text/csv');
  return body;
}
