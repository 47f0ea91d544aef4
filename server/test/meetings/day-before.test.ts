import { afterEach, describe, expect, it } from 'vitest';
import { decryptPush, startPushEndpoint, type TestSubscriber } from '../push-endpoint.ts';
import { seedMember, seedOrg, signIn } from '../seed.ts';
import { startSyncServer, waitFor, type SyncServer } from '../sync/support.ts';
import { DAY, committee, createMeeting } from './support.ts';

let server: SyncServer;
let endpoint: Awaited<ReturnType<typeof startPushEndpoint>>;
afterEach(async () => {
  await server.close();
  await endpoint.close();
});

async function setup() {
  server = await startSyncServer({ KUMIAI_PUSH_HOSTS: '127.0.0.1' });
  await seedOrg(server);
  await seedMember(server.db, { id: 'memA2', employeeNumber: '000101', unitId: 'wA1' });
  endpoint = await startPushEndpoint();
  server.services.push.testTransport = { ca: endpoint.ca };
}

async function subscribe(employeeNumber: string, subscriber: TestSubscriber) {
  const res = await server.app.inject({ method: 'POST', url: '/api/push/subscriptions', headers: await signIn(server, employeeNumber), payload: { endpoint: subscriber.endpoint, expirationTime: null, keys: subscriber.keys } });
  expect(res.statusCode).toBe(204);
}

const messagesTo = (subscriber: TestSubscriber) =>
  endpoint.received.filter((r) => `${endpoint.url}${r.path}` === subscriber.endpoint).map((r) => JSON.parse(decryptPush(r.body, subscriber)) as Record<string, unknown>);

const sentRows = () => server.db.prepare('SELECT meeting_id, members FROM meeting_day_before ORDER BY sent_at').all();

describe('the reminder the day before a meeting (issue 19)', () => {
  it('pushes once to the invitees who have not said they will be absent, less than a day before; never for a cancelled meeting', async () => {
    await setup();
    const memA = endpoint.subscriber('memA');
    const memA2 = endpoint.subscriber('memA2');
    await subscribe('000100', memA);
    await subscribe('000101', memA2);
    const offA = await signIn(server, '000010');
    const meeting = await createMeeting(server, offA, committee(server));
    const cancelled = await createMeeting(server, offA, committee(server, { title: '中止になる会議' }));
    expect((await server.app.inject({ method: 'POST', url: `/api/meetings/${cancelled.id}/cancel`, headers: offA, payload: { reason: '台風' } })).statusCode).toBe(200);
    // memA2 said they will be absent; memA has not answered (undecided by default).
    server.db.prepare("UPDATE events SET answer = 'absent', answered_at = 1 WHERE id = ?").run(`rsvp:${meeting.id}:memA2`);
    await server.services.push.settled();
    const before = endpoint.received.length; // the cancellation's pushes

    // Six days later the meeting is still more than a day away: nothing.
    server.clock.advance(6 * DAY - 60_000);
    expect(server.services.meetingDayBefore.run()).toBe(0);
    expect(sentRows()).toEqual([]);
    // A minute and a bit later it is less than a day away: the poll job sends it.
    server.clock.advance(2 * 60_000);
    await waitFor(() => sentRows().length === 1, 3000, 'the day-before reminder');
    await server.services.push.settled();
    expect(sentRows()).toEqual([{ meeting_id: meeting.id, members: 2 }]); // offA and memA; not memA2
    expect(messagesTo(memA).at(-1)).toEqual({ type: 'meeting', reason: 'upcoming', meetingId: meeting.id, title: 'A支部委員会', url: `/meetings/${meeting.id}` });
    expect(messagesTo(memA2).filter((m) => m.reason === 'upcoming')).toEqual([]);
    expect(endpoint.received.length).toBe(before + 1);

    // Later polls (the mark is in the database, not in memory) send nothing more.
    expect(server.services.meetingDayBefore.run()).toBe(0);
    await server.services.push.settled();
    expect(endpoint.received.length).toBe(before + 1);
  });

  it('reminds at once for a meeting made less than a day ahead, and words each push by its reason', async () => {
    await setup();
    const memA = endpoint.subscriber('memA');
    await subscribe('000100', memA);
    const offA = await signIn(server, '000010');
    const startsAt = server.clock.now() + 3 * 3600_000;
    const meeting = await createMeeting(server, offA, committee(server, { startsAt, endsAt: startsAt + 3600_000 }));
    expect((await server.app.inject({ method: 'POST', url: `/api/meetings/${meeting.id}/remind`, headers: offA, payload: {} })).statusCode).toBe(200);
    await waitFor(() => sentRows().length === 1, 3000, 'the day-before reminder');
    await server.services.push.settled();
    expect(messagesTo(memA).map((m) => m.reason).sort()).toEqual(['remind', 'upcoming']);
  });
});
