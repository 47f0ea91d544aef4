import type { MeetingDetail, MeetingInput } from '@kumiai/shared';
import { expect } from 'vitest';
import type { TestServer } from '../helpers.ts';

export type Headers = { cookie: string; origin: string };

export const DAY = 24 * 3600 * 1000;
export const audience = (a: Partial<MeetingInput['audience']>): MeetingInput['audience'] => ({ all: false, units: [], roles: [], members: [], ...a });

/** A committee of workplace A1 a week after the test clock's now, with proxies admitted (majority of everyone invited). */
export function committee(server: TestServer, overrides: Partial<MeetingInput> = {}): MeetingInput {
  const startsAt = server.clock.now() + 7 * DAY;
  return {
    kind: 'committee',
    unitId: 'bA',
    title: 'A支部委員会',
    startsAt,
    endsAt: startsAt + 2 * 3600 * 1000,
    place: 'A支部会議室',
    audience: audience({ units: ['wA1'] }),
    chairId: 'offA',
    quorum: { base: 'invited', threshold: { kind: 'majority' }, proxies: true },
    agenda: [
      { id: 'a1', title: '活動報告', materials: [] },
      { id: 'a2', title: '運動方針', materials: [] },
    ],
    ...overrides,
  };
}

export async function createMeeting(server: TestServer, headers: Headers, input: MeetingInput): Promise<MeetingDetail> {
  const res = await server.app.inject({ method: 'POST', url: '/api/meetings', headers, payload: input });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<MeetingDetail>();
}

export const rsvpRow = (server: TestServer, meetingId: string, memberId: string) =>
  server.db.prepare('SELECT answer, note, proxy, present, withdrawn, checkin_code, reminded_at FROM events WHERE id = ?').get(`rsvp:${meetingId}:${memberId}`) as
    | { answer: string; note: string; proxy: string | null; present: number; withdrawn: number; checkin_code: string; reminded_at: number | null }
    | undefined;
