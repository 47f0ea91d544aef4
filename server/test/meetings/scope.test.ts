import { afterEach, describe, expect, it } from 'vitest';
import { seedMember, seedOrg, signIn } from '../seed.ts';
import { openAs, startSyncServer, waitFor, type RawClient, type SyncServer } from '../sync/support.ts';
import { DAY, audience, committee, createMeeting, rsvpRow } from './support.ts';

let server: SyncServer;
const clients: RawClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await server.close();
});

type Doc = Record<string, unknown> & { id: string };
const live = async (client: RawClient, since: { seq: number } | null = null) => {
  const { docs, checkpoint } = await client.pullAll('events', since);
  return { docs: docs as Map<string, Doc>, checkpoint, ids: [...docs.values()].filter((d) => !d._deleted).map((d) => d.id).sort() };
};
const streamedIds = (c: RawClient) => c.streamed.flatMap((m) => ((m.result as { documents?: Doc[] } | undefined)?.documents ?? []).map((d) => d.id));
const push = (client: RawClient, master: Doc, next: Doc) => client.request('events', 'masterWrite', [[{ assumedMasterState: master, newDocumentState: next }]]);

describe('events sync scope (issue 19)', () => {
  it('gives members only the meetings addressed to them and only their own rsvp, on pull and on the stream', async () => {
    server = await startSyncServer();
    await seedOrg(server);
    const offA = await signIn(server, '000010');
    const offB = await signIn(server, '000020');
    const a = await createMeeting(server, offA, committee(server));
    expect(a.invited).toBe(2); // offA and memA work in A1

    const memA = await openAs(server, 'memA', clients);
    const memB = await openAs(server, 'memB', clients);
    const offAClient = await openAs(server, 'offA', clients);
    expect((await live(memA)).ids).toEqual([a.id, `rsvp:${a.id}:memA`]);
    expect((await live(offAClient)).ids).toEqual([a.id, `rsvp:${a.id}:offA`]);
    expect((await live(memB)).ids).toEqual([]);
    // The admin runs the union but is not invited: meetings reach their audience, not every officer.
    expect((await live(await openAs(server, 'admin', clients))).ids).toEqual([]);

    const { docs } = await live(memA);
    const meeting = docs.get(a.id)!;
    expect(meeting).toMatchObject({ kind: 'meeting', meetingId: a.id, title: 'A支部委員会', place: 'A支部会議室', chairId: 'offA', cancelled: false, agenda: [{ id: 'a1' }, { id: 'a2' }] });
    expect(meeting).not.toHaveProperty('memberId');
    const own = docs.get(`rsvp:${a.id}:memA`)!;
    expect(own).toMatchObject({ kind: 'rsvp', meetingId: a.id, memberId: 'memA', answer: 'undecided', delegate: false, present: false, proxy: null });
    expect(own.checkinCode).toMatch(/^KM1\./);
    expect(meeting).not.toHaveProperty('delegates');

    memA.subscribe('events');
    memB.subscribe('events');
    // Messages are handled in order: once a pull after it is answered, the subscription is in place.
    await live(memA);
    await live(memB);
    const b = await createMeeting(server, offB, committee(server, { unitId: 'bB', title: 'B支部委員会', audience: audience({ units: ['wB1'] }), chairId: 'offB' }));
    const renamed = await server.app.inject({ method: 'PUT', url: `/api/meetings/${a.id}`, headers: offA, payload: committee(server, { title: 'A支部委員会(第2回)', startsAt: a.startsAt, endsAt: a.endsAt }) });
    expect(renamed.statusCode, renamed.body).toBe(200);
    await waitFor(() => streamedIds(memA).includes(a.id) && streamedIds(memB).includes(b.id), 3000, 'both streams');
    // B's meeting was created before A's was renamed: had it leaked to memA, it would be here by now.
    expect(streamedIds(memA)).not.toContain(b.id);
    expect(streamedIds(memA).some((id) => id.includes(':memB') || id.includes(':offA'))).toBe(false);
    expect(streamedIds(memB)).not.toContain(a.id);
    expect((await live(memB)).ids).toEqual([b.id, `rsvp:${b.id}:memB`]);
  });

  it('takes a member’s own answer and proxy from their device, and refuses server-owned fields, others’ rsvps and late answers with codes', async () => {
    server = await startSyncServer();
    await seedOrg(server);
    const offA = await signIn(server, '000010');
    const a = await createMeeting(server, offA, committee(server));
    const memA = await openAs(server, 'memA', clients);
    const { docs } = await live(memA);
    const own = docs.get(`rsvp:${a.id}:memA`)!;

    const answered = await push(memA, own, { ...own, answer: 'absent', note: '出張のため', proxy: { chair: true } });
    expect(answered.rejected ?? []).toEqual([]);
    expect(rsvpRow(server, a.id, 'memA')).toMatchObject({ answer: 'absent', note: '出張のため', proxy: '{"chair":true}' });
    const after = (await live(memA)).docs.get(own.id)!;

    for (const [field, value] of [['present', true], ['delegate', true], ['checkinCode', 'KM1.x.y.z'], ['memberId', 'memB'], ['meetingId', 'other']] as const) {
      const reply = await push(memA, after, { ...after, [field]: value });
      expect(reply.rejected, field).toEqual([expect.objectContaining({ id: own.id, code: 'forbidden_field', field })]);
    }
    // A meeting's field in an rsvp, a proxy to someone not invited, to oneself, a change to the meeting itself.
    expect((await push(memA, after, { ...after, title: '偽' })).rejected).toEqual([expect.objectContaining({ code: 'forbidden_field', field: 'title' })]);
    expect((await push(memA, after, { ...after, proxy: { memberId: 'memB' } })).rejected).toEqual([expect.objectContaining({ code: 'invalid_answer', field: 'proxy' })]);
    expect((await push(memA, after, { ...after, proxy: { memberId: 'memA' } })).rejected).toEqual([expect.objectContaining({ code: 'invalid_answer', field: 'proxy' })]);
    const meeting = docs.get(a.id)!;
    expect((await push(memA, meeting, { ...meeting, title: '偽' })).rejected).toEqual([expect.objectContaining({ code: 'read_only' })]);
    // Another member's rsvp, which memA cannot see, and one that does not exist.
    const offARsvp = { ...after, id: `rsvp:${a.id}:offA`, memberId: 'offA' };
    expect((await push(memA, offARsvp, offARsvp)).rejected).toEqual([expect.objectContaining({ code: 'forbidden' })]);
    expect((await memA.request('events', 'masterWrite', [[{ newDocumentState: { ...after, id: `rsvp:${a.id}:memX`, memberId: 'memX' } }]])).rejected).toEqual([expect.objectContaining({ code: 'not_found' })]);
    // Nothing of those changed anything.
    expect(rsvpRow(server, a.id, 'memA')).toMatchObject({ answer: 'absent', proxy: '{"chair":true}', present: 0 });
    expect(rsvpRow(server, a.id, 'offA')).toMatchObject({ answer: 'undecided', proxy: null });

    // A proxy naming another invitee is taken; in a meeting without proxies it is refused.
    expect((await push(memA, after, { ...after, proxy: { memberId: 'offA' } })).rejected ?? []).toEqual([]);
    const noProxies = await createMeeting(server, offA, committee(server, { quorum: { base: 'invited', threshold: { kind: 'half' }, proxies: false } }));
    const other = (await live(memA)).docs.get(`rsvp:${noProxies.id}:memA`)!;
    expect((await push(memA, other, { ...other, proxy: { chair: true } })).rejected).toEqual([expect.objectContaining({ code: 'invalid_answer', field: 'proxy' })]);

    // Written offline before the start, arriving after it: the server's clock decides.
    const latest = (await live(memA)).docs.get(own.id)!;
    server.clock.advance(8 * DAY);
    expect((await push(memA, latest, { ...latest, answer: 'attend', proxy: null })).rejected).toEqual([expect.objectContaining({ code: 'closed' })]);
    expect(rsvpRow(server, a.id, 'memA')).toMatchObject({ answer: 'absent', proxy: '{"memberId":"offA"}' });
  });

  it('removes the meeting and the rsvp from a member’s device when the audience narrows or they move, and gives them back (answer kept) when it widens', async () => {
    server = await startSyncServer();
    await seedOrg(server);
    const offA = await signIn(server, '000010');
    const input = committee(server);
    const a = await createMeeting(server, offA, input);
    const memA = await openAs(server, 'memA', clients);
    const first = await live(memA);
    const own = first.docs.get(`rsvp:${a.id}:memA`)!;
    await push(memA, own, { ...own, answer: 'attend' });
    const { checkpoint } = await live(memA);

    const narrowed = await server.app.inject({ method: 'PUT', url: `/api/meetings/${a.id}`, headers: offA, payload: { ...input, audience: audience({ members: ['offA'] }) } });
    expect(narrowed.statusCode, narrowed.body).toBe(200);
    expect(narrowed.json<{ invited: number }>().invited).toBe(1);
    const gone = await live(memA, checkpoint);
    expect(gone.docs.get(a.id)).toMatchObject({ _deleted: true });
    expect(gone.docs.get(own.id)).toMatchObject({ _deleted: true });
    expect(gone.docs.get(own.id)).not.toHaveProperty('checkinCode', own.checkinCode);
    expect((await live(memA)).ids).toEqual([]);
    expect(rsvpRow(server, a.id, 'memA')).toMatchObject({ withdrawn: 1, answer: 'attend' });

    const widened = await server.app.inject({ method: 'PUT', url: `/api/meetings/${a.id}`, headers: offA, payload: input });
    expect(widened.statusCode).toBe(200);
    const back = (await live(memA)).docs;
    expect(back.get(own.id)).toMatchObject({ answer: 'attend', checkinCode: own.checkinCode });

    // A member who joins A1 later gets their rsvp; one who moves to B1 loses both documents.
    await seedMember(server.db, { id: 'memA2', employeeNumber: '000101', unitId: 'wA1', password: null });
    const before = await live(memA);
    server.db.prepare("UPDATE members SET unit_id = 'wB1' WHERE id = 'memA'").run();
    server.services.sync.processScopeChanges();
    server.services.meetings.followAudiences();
    expect(rsvpRow(server, a.id, 'memA2')).toMatchObject({ answer: 'undecided', withdrawn: 0 });
    expect(rsvpRow(server, a.id, 'memA')).toMatchObject({ withdrawn: 1 });
    const moved = await live(memA, before.checkpoint);
    expect(moved.docs.get(a.id)).toMatchObject({ _deleted: true });
    expect(moved.docs.get(own.id)).toMatchObject({ _deleted: true });
    expect((await live(await openAs(server, 'memA2', clients))).ids).toEqual([a.id, `rsvp:${a.id}:memA2`]);
  });
});
