import { afterEach, describe, expect, it } from 'vitest';
import { openAs, startSyncServer, waitFor, type RawClient, type SyncServer } from '../sync/support.ts';
import { assign, caseDoc, live, messageDoc, pushNew, pushOk, seedDesks, signIn, type Doc } from './support.ts';

let server: SyncServer;
const clients: RawClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await server.close();
});

const streamedIds = (c: RawClient) => c.streamed.flatMap((m) => ((m.result as { documents?: Doc[] } | undefined)?.documents ?? []).map((d) => d.id));

describe('consultations scope (issue 21)', () => {
  it('reaches only its member and the assigned officers, on pull, stream and search; not the workplace desk when the member chose central, not an admin, not the unassigned lead', async () => {
    server = await startSyncServer();
    await seedDesks(server);
    const sent: { to: string; payload: Record<string, unknown> }[] = [];
    server.services.push.sender = (target, payload) => {
      sent.push({ to: target.endpoint.split('/').pop()!, payload: JSON.parse(payload) as Record<string, unknown> });
      return Promise.resolve({ statusCode: 201 });
    };
    const subscribe = server.db.prepare("INSERT INTO push_subscriptions (endpoint, member_id, p256dh, auth, created_at) VALUES (?, ?, 'k', 'a', 0)");
    for (const member of ['memA', 'offW', 'offU', 'offU2', 'admin']) subscribe.run(`https://fcm.googleapis.com/fcm/send/${member}`, member);
    const told = async () => {
      await server.services.push.settled();
      return sent.splice(0).map((s) => `${s.to}:${String(s.payload.url)}`).sort();
    };
    const memA = await openAs(server, 'memA', clients);
    const c1 = caseDoc({ text: '上司からの嫌がらせ 秘匿語ペンギン', anonymousToWorkplace: true });
    await pushOk(memA, c1);
    // The central desk's leads hear of a new case (never what it says); the workplace's do not.
    expect(await told()).toEqual(['offU2:/consultations/desk', 'offU:/consultations/desk']);
    const row = server.db.prepare('SELECT desk_unit_id, desk_level, status, member_id FROM consultations WHERE id = ?').get(c1.id);
    expect(row).toEqual({ desk_unit_id: 'u', desk_level: 'central', status: 'received', member_id: 'memA' });

    const mine = (await live(memA)).docs.get(c1.id)!;
    expect(mine).toMatchObject({ kind: 'case', text: c1.text, memberId: 'memA', status: 'received', assignees: [], deskLevel: 'central', attachments: [] });

    const offU = await signIn(server, '000002');
    const offW = await signIn(server, '000012');
    const desk = await server.app.inject({ method: 'GET', url: '/api/consultations/desk', headers: offU });
    expect(desk.json()).toEqual({ cases: [expect.objectContaining({ id: c1.id, category: 'overtime', status: 'received', needsAssignment: true })] });
    expect(desk.body).not.toContain('ペンギン');
    expect(desk.body).not.toContain('memA');
    // The workplace's lead never hears of it; nor does anyone who is not assigned, however high their role.
    expect((await server.app.inject({ method: 'GET', url: '/api/consultations/desk', headers: offW })).json()).toEqual({ cases: [] });
    for (const who of ['offW', 'offA', 'admin', 'offU', 'offU2', 'memB']) expect((await live(await openAs(server, who, clients))).ids, who).toEqual([]);
    expect((await assign(server, offW, c1.id, ['offW'])).statusCode).toBe(404);

    // The central lead assigns offU2: they get the case; replies go both ways; a note reaches officers only.
    const memB = await openAs(server, 'memB', clients);
    const offWClient = await openAs(server, 'offW', clients);
    for (const c of [memA, memB, offWClient]) c.subscribe('consultations');
    await live(memA);
    await live(memB);
    await live(offWClient);
    // The workplace officer is not assignable to a central case.
    const wrong = await assign(server, offU, c1.id, ['offW']);
    expect(wrong.json()).toMatchObject({ error: { code: 'consultation_assignee_invalid' } });
    const assigned = await assign(server, offU, c1.id, ['offU2']);
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json()).toMatchObject({ assignees: [{ memberId: 'offU2' }], needsAssignment: false });
    expect(await told()).toEqual([`memA:/consultations/${c1.id}`, `offU2:/consultations/${c1.id}`]);
    const offU2 = await openAs(server, 'offU2', clients);
    const seen = await live(offU2);
    expect(seen.ids).toEqual([c1.id]);
    expect(seen.docs.get(c1.id)).toMatchObject({ text: c1.text, memberName: expect.any(String) as string });

    const reply = messageDoc(c1.id, 'お話を伺います');
    const note = { ...messageDoc(c1.id, '人事部に確認する 秘匿語カワウソ'), kind: 'note' };
    await pushOk(offU2, reply, note);
    const back = messageDoc(c1.id, 'ありがとうございます');
    await pushOk(memA, back);
    // The reply reached the member, the member's answer the officer; the note nobody; no payload carries content.
    const payloads = JSON.stringify(sent);
    expect(await told()).toEqual([`memA:/consultations/${c1.id}`, `offU2:/consultations/${c1.id}`]);
    expect(payloads).not.toMatch(/伺い|ありがとう|カワウソ|ペンギン/);
    expect((await live(offU2)).ids).toEqual([c1.id, reply.id, note.id, back.id].sort());
    const memberView = await live(memA);
    expect(memberView.ids).toEqual([c1.id, reply.id, back.id].sort());
    expect(memberView.docs.get(reply.id)).toMatchObject({ text: 'お話を伺います', fromOfficer: true, authorId: 'offU2' });
    expect(memberView.docs.get(c1.id)).toMatchObject({ status: 'in_progress', lastMessageFromOfficer: false });
    await waitFor(() => streamedIds(memA).includes(reply.id), 3000, 'the reply on the member’s stream');
    // Pushed after the reply: had the note leaked to the member's stream, it would be here by now.
    await waitFor(() => streamedIds(memA).includes(back.id), 3000, 'the member’s own message on the stream');
    expect(streamedIds(memA)).not.toContain(note.id);
    expect(streamedIds(memB)).toEqual([]);
    expect(streamedIds(offWClient)).toEqual([]);

    // Search never indexes a case.
    for (const who of ['000100', '000003', '000001']) {
      const found = await server.app.inject({ method: 'GET', url: `/api/search?q=${encodeURIComponent('ペンギン')}`, headers: await signIn(server, who) });
      expect(found.statusCode).toBe(200);
      expect(found.body).not.toContain(c1.id);
      expect(found.json<{ hits: unknown[] }>().hits).toEqual([]);
    }

    // Reassigned to offU: offU2's device loses the case, its messages and the note; offU gets them.
    const before = await live(offU2);
    expect((await assign(server, offU, c1.id, ['offU'])).statusCode).toBe(200);
    const after = await live(offU2, before.checkpoint);
    expect(after.removed).toEqual([c1.id, reply.id, note.id, back.id].sort());
    expect(JSON.stringify([...after.docs.values()])).not.toContain('ペンギン');
    expect((await live(offU2)).ids).toEqual([]);
    expect((await live(await openAs(server, 'offU', clients))).ids).toEqual([c1.id, reply.id, note.id, back.id].sort());
    // The former assignee can no longer write into it either.
    expect((await pushNew(offU2, messageDoc(c1.id, 'まだ見える?'))).rejected).toEqual([expect.objectContaining({ code: 'not_found' })]);

    // offU leaves office: the case goes back to the desk (nobody assigned) and leaves offU's device.
    const offUClient = clients[clients.length - 1]!;
    const held = await live(offUClient);
    server.db.prepare("DELETE FROM role_grants WHERE member_id = 'offU'").run();
    expect(server.services.consultations.handOver()).toBe(1);
    expect((await live(offUClient, held.checkpoint)).removed).toEqual([c1.id, reply.id, note.id, back.id].sort());
    const lead2 = await signIn(server, '000003');
    expect((await server.app.inject({ method: 'GET', url: '/api/consultations/desk', headers: lead2 })).json()).toEqual({
      cases: [expect.objectContaining({ id: c1.id, assignees: [], needsAssignment: true })],
    });
    expect((await live(memA)).docs.get(c1.id)).toMatchObject({ assignees: [] });
  });

  it('routes by category to the workplace, branch or central desk, and to central when a desk has no lead', async () => {
    server = await startSyncServer();
    await seedDesks(server);
    const memA = await openAs(server, 'memA', clients);
    const memB = await openAs(server, 'memB', clients);
    const overtime = caseDoc();
    const pay = caseDoc({ category: 'pay' });
    const harassment = caseDoc({ category: 'harassment' });
    await pushOk(memA, overtime, pay, harassment);
    // Workplace B1 has no officer of its own: its overtime case goes to the central desk.
    const unled = caseDoc();
    await pushOk(memB, unled);
    const desks = Object.fromEntries(
      (server.db.prepare("SELECT id, desk_unit_id || ':' || desk_level AS d FROM consultations WHERE kind = 'case'").all() as { id: string; d: string }[]).map((r) => [r.id, r.d]),
    );
    expect(desks).toEqual({ [overtime.id]: 'wA1:workplace', [pay.id]: 'bA:branch', [harassment.id]: 'u:central', [unled.id]: 'u:central' });
  });
});
