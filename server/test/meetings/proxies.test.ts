import { afterEach, describe, expect, it } from 'vitest';
import type { ProxyHolder } from '@kumiai/shared';
import { seedMember, seedOrg, signIn } from '../seed.ts';
import { openAs, startSyncServer, type RawClient, type SyncServer } from '../sync/support.ts';
import { audience, committee, createMeeting, rsvpRow } from './support.ts';

let server: SyncServer;
const clients: RawClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await server.close();
});

type Doc = Record<string, unknown> & { id: string };
const answer = (meetingId: string, memberId: string, a: string) => server.db.prepare('UPDATE events SET answer = ?, answered_at = 1 WHERE id = ?').run(a, `rsvp:${meetingId}:${memberId}`);
const holders = async (employeeNumber: string, meetingId: string) => {
  const res = await server.app.inject({ method: 'GET', url: `/api/meetings/${meetingId}/proxy-holders`, headers: await signIn(server, employeeNumber) });
  return { status: res.statusCode, holders: res.statusCode === 200 ? res.json<{ holders: ProxyHolder[] }>().holders : null };
};

describe('whom a proxy may name (issue 19)', () => {
  it('lists to an invitee the others who said they will attend, by name (not the chair, not the absent or undecided); nothing to others; a proxy to one of them is taken', async () => {
    server = await startSyncServer();
    await seedOrg(server);
    await seedMember(server.db, { id: 'a1', employeeNumber: '000301', unitId: 'wA1', password: null });
    await seedMember(server.db, { id: 'a2', employeeNumber: '000302', unitId: 'wA1', password: null });
    await seedMember(server.db, { id: 'a3', employeeNumber: '000303', unitId: 'wA1', password: null });
    const offA = await signIn(server, '000010');
    const meeting = await createMeeting(server, offA, committee(server, { audience: audience({ units: ['wA1'] }) }));
    answer(meeting.id, 'a1', 'attend');
    answer(meeting.id, 'a2', 'absent');
    answer(meeting.id, 'offA', 'attend'); // the chair: chosen apart
    // a3 has not answered.

    expect(await holders('000100', meeting.id)).toEqual({ status: 200, holders: [{ memberId: 'a1', name: '名前000301' }] });
    expect(await holders('000200', meeting.id)).toEqual({ status: 404, holders: null }); // not invited
    // Without proxies in the rule, nobody is listed.
    const noProxies = await createMeeting(server, offA, committee(server, { audience: audience({ units: ['wA1'] }), quorum: { base: 'invited', threshold: { kind: 'majority' }, proxies: false } }));
    answer(noProxies.id, 'a1', 'attend');
    expect(await holders('000100', noProxies.id)).toEqual({ status: 200, holders: [] });

    // memA names a1 from the device: the write rule takes it.
    const memA = await openAs(server, 'memA', clients);
    const own = (await memA.pullAll('events')).docs.get(`rsvp:${meeting.id}:memA`) as Doc;
    const reply = await memA.request('events', 'masterWrite', [[{ assumedMasterState: own, newDocumentState: { ...own, answer: 'absent', proxy: { memberId: 'a1' } } }]]);
    expect(reply.rejected ?? []).toEqual([]);
    expect(rsvpRow(server, meeting.id, 'memA')).toMatchObject({ answer: 'absent', proxy: '{"memberId":"a1"}' });
  });
});
