import type { FastifyInstance } from 'fastify';
import {
  checkinBatchSchema, decisionInputSchema, meetingInputSchema, minutesInputSchema, rsvpAnswers,
  type CheckinBatch, type DecisionInput, type MeetingInput, type MinutesInput, type RsvpAnswer,
} from '@kumiai/shared';
import { requireAuth } from '../../plugins/auth.ts';
import type { MeetingAttendance } from './meetings-attendance.ts';
import type { MeetingCalendar } from './meetings-calendar.ts';
import type { MeetingMinutes } from './meetings-minutes.ts';
import type { MeetingProxies } from './meetings-proxies.ts';
import type { MeetingsService } from './meetings-service.ts';

const idSchema = { type: 'string', minLength: 1, maxLength: 64 } as const;
const idParams = { type: 'object', additionalProperties: false, required: ['id'], properties: { id: idSchema } } as const;
const itemParams = { type: 'object', additionalProperties: false, required: ['id', 'itemId'], properties: { id: idSchema, itemId: idSchema } } as const;
const emptySchema = { type: 'object', additionalProperties: false, properties: {} } as const;
const time = { type: 'integer', minimum: 0, maximum: 9007199254740991 } as const;
const rangeQuery = { type: 'object', additionalProperties: false, properties: { from: time, to: time } } as const;
const responsesQuery = { type: 'object', additionalProperties: false, properties: { cursor: idSchema, answer: { type: 'string', enum: rsvpAnswers } } } as const;
const cancelSchema = { type: 'object', additionalProperties: false, required: ['reason'], properties: { reason: { type: 'string', maxLength: 2000 } } } as const;
const feedParams = { type: 'object', additionalProperties: false, required: ['file'], properties: { file: { type: 'string', maxLength: 100 } } } as const;

type Id = { Params: { id: string } };
const DAY = 24 * 3600 * 1000;

/** The routes listed in shared/src/meetings/api.ts. */
export function meetingsRoutes(
  app: FastifyInstance,
  deps: { meetings: MeetingsService; meetingAttendance: MeetingAttendance; meetingMinutes: MeetingMinutes; meetingCalendar: MeetingCalendar; meetingProxies: MeetingProxies; clock: { now(): number } },
): void {
  const { meetings, meetingAttendance: attendance, meetingMinutes: minutes, meetingCalendar: calendar } = deps;
  const member = { config: { access: 'member' as const } };
  const withId = { ...member, schema: { params: idParams } };
  const actor = (request: Parameters<typeof requireAuth>[0]) => requireAuth(request).actor;
  const ics = (file: string) => ({ type: 'text/calendar; charset=utf-8', disposition: `attachment; filename="${file}"` });

  app.get<{ Querystring: { from?: number; to?: number } }>('/api/meetings', { ...member, schema: { querystring: rangeQuery } }, async (request) => {
    const now = deps.clock.now();
    return { meetings: meetings.list(actor(request), request.query.from ?? now - 30 * DAY, request.query.to ?? now + 365 * DAY) };
  });
  app.post<{ Body: MeetingInput }>('/api/meetings', { ...member, schema: { body: meetingInputSchema } }, async (request) => meetings.create(actor(request), request.body));
  app.get<Id>('/api/meetings/:id', withId, async (request) => meetings.detail(actor(request), request.params.id));
  app.put<Id & { Body: MeetingInput }>('/api/meetings/:id', { ...member, schema: { params: idParams, body: meetingInputSchema } }, async (request) =>
    meetings.update(actor(request), request.params.id, request.body),
  );
  app.post<Id & { Body: { reason: string } }>('/api/meetings/:id/cancel', { ...member, schema: { params: idParams, body: cancelSchema } }, async (request) =>
    meetings.cancel(actor(request), request.params.id, request.body.reason),
  );
  app.get<Id & { Querystring: { cursor?: string; answer?: RsvpAnswer } }>('/api/meetings/:id/responses', { ...member, schema: { params: idParams, querystring: responsesQuery } }, async (request) =>
    attendance.responses(actor(request), request.params.id, request.query),
  );
  app.post<Id>('/api/meetings/:id/remind', { ...member, schema: { params: idParams, body: emptySchema } }, async (request) => attendance.remind(actor(request), request.params.id));
  app.post<Id & { Body: CheckinBatch }>('/api/meetings/:id/checkins', { ...member, schema: { params: idParams, body: checkinBatchSchema } }, async (request) =>
    attendance.checkIn(actor(request), request.params.id, request.body),
  );
  app.get<Id>('/api/meetings/:id/quorum', withId, async (request) => attendance.quorum(actor(request), request.params.id));
  app.get<Id>('/api/meetings/:id/proxy-holders', withId, async (request) => deps.meetingProxies.holders(actor(request), request.params.id));
  app.put<{ Params: { id: string; itemId: string }; Body: DecisionInput }>(
    '/api/meetings/:id/decisions/:itemId',
    { ...member, schema: { params: itemParams, body: decisionInputSchema } },
    async (request) => minutes.decide(actor(request), request.params.id, request.params.itemId, request.body),
  );
  app.put<Id & { Body: MinutesInput }>('/api/meetings/:id/minutes', { ...member, schema: { params: idParams, body: minutesInputSchema } }, async (request) =>
    minutes.draft(actor(request), request.params.id, request.body),
  );
  app.post<Id>('/api/meetings/:id/minutes/approve', { ...member, schema: { params: idParams, body: emptySchema } }, async (request) => minutes.approve(actor(request), request.params.id));
  app.get<Id>('/api/meetings/:id/event.ics', withId, async (request, reply) => {
    const h = ics('meeting.ics');
    return reply.type(h.type).header('content-disposition', h.disposition).header('cache-control', 'no-store').send(calendar.meetingIcs(actor(request), request.params.id));
  });

  app.post('/api/me/calendar-feed', { ...member, schema: { body: emptySchema } }, async (request, reply) => reply.header('cache-control', 'no-store').send(calendar.createFeed(actor(request))));
  app.delete('/api/me/calendar-feed', member, async (request) => {
    calendar.revokeFeed(actor(request));
    return {};
  });
  // No session: the secret in the path is the credential (calendar apps send no cookie). Never logged in full: see README.
  app.get<{ Params: { file: string } }>('/calendar/:file', { config: { access: 'public' }, schema: { params: feedParams } }, async (request, reply) => {
    const secret = request.params.file.endsWith('.ics') ? request.params.file.slice(0, -'.ics'.length) : '';
    return reply.type('text/calendar; charset=utf-8').header('cache-control', 'no-store').header('referrer-policy', 'no-referrer').send(calendar.feed(secret));
  });
}
