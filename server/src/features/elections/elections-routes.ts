import type { FastifyInstance, FastifyReply } from 'fastify';
import {
  castInputSchema,
  electionInputSchema,
  openInputSchema,
  paperTotalsSchema,
  paperVoterSchema,
  reissueCredentialSchema,
  credentialAuthoritySchema,
  publicCredentialsSchema,
  type PublicCredentialsInput,
  type ReissueCredentialInput,
  rollChangesSchema,
  trusteeMessageSchema,
  trusteesInputSchema,
  type ElectionInput,
  type PaperTotals,
  type RollChanges,
  type TrusteesInput,
} from '@kumiai/shared';
import { idParams } from '../../lib/schemas.ts';
import { requireAuth } from '../../plugins/auth.ts';
import type { ElectionCredentials } from './elections-credentials.ts';
import type { ElectionResults } from './elections-results.ts';
import type { ElectionsService } from './elections-service.ts';
import type { ElectionTrustees } from './elections-trustees.ts';
import type { ElectionVoting } from './elections-voting.ts';

/** A trustee's message may be large (JSON in a JSON string). */
const MESSAGE_LIMIT = 3 * 1024 * 1024;
/** 20,000 public credentials of ~620 digits each, with member ids. */
const CREDENTIALS_LIMIT = 16 * 1024 * 1024;
const emptySchema = { type: 'object', additionalProperties: false, properties: {} } as const;
const rollQuery = { type: 'object', additionalProperties: false, properties: { cursor: { type: 'string', maxLength: 64 }, q: { type: 'string', maxLength: 100 } } } as const;

const sendArchive = (reply: FastifyReply, id: string, bytes: Uint8Array) =>
  reply.header('content-type', 'application/octet-stream').header('content-disposition', `attachment; filename="election-${id}.bel"`).send(Buffer.from(bytes));

/** Every route of shared/src/elections/api.ts (the contract's header lists them). */
export function electionsRoutes(app: FastifyInstance, deps: { elections: ElectionsService; electionTrustees: ElectionTrustees; electionVoting: ElectionVoting; electionResults: ElectionResults; electionCredentials: ElectionCredentials }): void {
  const { elections, electionTrustees: trustees, electionVoting: voting, electionResults: results, electionCredentials: credentials } = deps;
  type Id = { Params: { id: string } };
  const member = { config: { access: 'member' as const } };
  const withId = { ...member, schema: { params: idParams } };

  // The commission.
  app.get('/api/elections', member, async (request) => elections.list(requireAuth(request).actor));
  app.post<{ Body: ElectionInput }>('/api/elections', { ...member, schema: { body: electionInputSchema } }, async (request, reply) =>
    reply.status(201).send(elections.create(requireAuth(request).actor, request.body)),
  );
  app.get<Id>('/api/elections/:id', withId, async (request) => elections.get(requireAuth(request).actor, request.params.id));
  app.put<Id & { Body: ElectionInput }>('/api/elections/:id', { ...member, schema: { params: idParams, body: electionInputSchema } }, async (request) =>
    elections.update(requireAuth(request).actor, request.params.id, request.body),
  );
  app.post<Id>('/api/elections/:id/roll/freeze', { ...member, schema: { params: idParams, body: emptySchema } }, async (request) => elections.freezeRoll(requireAuth(request).actor, request.params.id));
  app.get<Id & { Querystring: { cursor?: string; q?: string } }>('/api/elections/:id/roll', { ...member, schema: { params: idParams, querystring: rollQuery } }, async (request) =>
    elections.roll(requireAuth(request).actor, request.params.id, request.query.cursor ?? '', request.query.q ?? ''),
  );
  app.post<Id & { Body: RollChanges }>('/api/elections/:id/roll/changes', { ...member, schema: { params: idParams, body: rollChangesSchema } }, async (request) =>
    elections.changeRoll(requireAuth(request).actor, request.params.id, request.body),
  );
  app.put<Id & { Body: TrusteesInput }>('/api/elections/:id/trustees', { ...member, schema: { params: idParams, body: trusteesInputSchema } }, async (request) =>
    elections.setTrustees(requireAuth(request).actor, request.params.id, request.body),
  );
  app.post<Id>('/api/elections/:id/open', { ...member, schema: { params: idParams, body: openInputSchema } }, async (request) => elections.open(requireAuth(request).actor, request.params.id));
  app.post<Id & { Body: ReissueCredentialInput }>('/api/elections/:id/credentials/reissue', { ...member, schema: { params: idParams, body: reissueCredentialSchema } }, async (request) =>
    credentials.reissue(requireAuth(request).actor, request.params.id, request.body),
  );
  app.put<Id & { Body: { memberId: string | null } }>('/api/elections/:id/credential-authority', { ...member, schema: { params: idParams, body: credentialAuthoritySchema } }, async (request) =>
    credentials.setAuthority(requireAuth(request).actor, request.params.id, request.body.memberId),
  );
  app.post<Id & { Body: PublicCredentialsInput }>(
    '/api/elections/:id/credentials',
    { ...member, bodyLimit: CREDENTIALS_LIMIT, schema: { params: idParams, body: publicCredentialsSchema } },
    async (request) => credentials.upload(requireAuth(request).actor, request.params.id, request.body),
  );
  app.get<Id>('/api/elections/:id/turnout', withId, async (request) => results.turnout(requireAuth(request).actor, request.params.id));
  app.post<Id>('/api/elections/:id/remind', { ...member, schema: { params: idParams, body: emptySchema } }, async (request) => results.remind(requireAuth(request).actor, request.params.id));
  app.post<Id & { Body: { memberId: string } }>('/api/elections/:id/paper/voters', { ...member, schema: { params: idParams, body: paperVoterSchema } }, async (request) =>
    elections.paperVoter(requireAuth(request).actor, request.params.id, request.body.memberId),
  );
  app.put<Id & { Body: PaperTotals }>('/api/elections/:id/paper/totals', { ...member, schema: { params: idParams, body: paperTotalsSchema } }, async (request) =>
    elections.paperTotals(requireAuth(request).actor, request.params.id, request.body),
  );
  app.post<Id>('/api/elections/:id/tally', { ...member, schema: { params: idParams, body: emptySchema } }, async (request) => results.tally(requireAuth(request).actor, request.params.id));
  app.post<Id>('/api/elections/:id/publish', { ...member, schema: { params: idParams, body: emptySchema } }, async (request) => results.publish(requireAuth(request).actor, request.params.id));
  app.get<Id>('/api/elections/:id/archive.bel', withId, async (request, reply) => sendArchive(reply, request.params.id, results.archive(requireAuth(request).actor, request.params.id)));

  // The trustees.
  app.get<Id>('/api/elections/:id/trustee', withId, async (request) => trustees.task(requireAuth(request).actor, request.params.id));
  for (const step of ['cert', 'polynomial', 'voutput', 'decryption'] as const) {
    app.post<Id & { Body: { message: string } }>(
      `/api/elections/:id/trustee/${step}`,
      { ...member, bodyLimit: MESSAGE_LIMIT, schema: { params: idParams, body: trusteeMessageSchema } },
      async (request) => trustees[step](requireAuth(request).actor, request.params.id, request.body.message),
    );
  }

  // The voters.
  app.get('/api/me/elections', member, async (request) => voting.mine(requireAuth(request).actor));
  app.get<Id>('/api/me/elections/:id/ballot-kit', withId, async (request, reply) =>
    reply.header('cache-control', 'no-store').send(voting.ballotKit(requireAuth(request).actor, request.params.id)),
  );
  app.post<Id & { Body: { ballot: string } }>('/api/me/elections/:id/ballots', { ...member, schema: { params: idParams, body: castInputSchema } }, async (request) =>
    voting.cast(requireAuth(request).actor, request.params.id, request.body.ballot),
  );
  app.get<Id>('/api/me/elections/:id/archive.bel', withId, async (request, reply) => sendArchive(reply, request.params.id, voting.archive(requireAuth(request).actor, request.params.id)));
}
