import { canManageMember, roles } from '@kumiai/shared';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { httpSignIn, request, startHttpServer, type HttpServer } from './http-client.ts';
import { PASSWORD, seedMember, seedOrg } from './seed.ts';

/**
 * Issue 11, finding 1: a branch officer must not manage a member who holds a
 * role the officer could not grant, even when that member's record sits inside
 * the officer's branch. Every member-management route and the roster import,
 * through the real HTTP server.
 */
let server: HttpServer;
let officerA: Record<string, string>;

beforeEach(async () => {
  server = await startHttpServer();
  await seedOrg(server);
  // A union admin whose own record sits in workplace A1, inside branch A; they also hold a viewer role on branch A.
  await seedMember(server.db, { id: 'boss', employeeNumber: '000002', unitId: 'wA1', roles: [['admin', 'u'], ['viewer', 'bA']] });
  officerA = await httpSignIn(server, '000010', PASSWORD);
});
afterEach(async () => {
  await server.close();
});

const send = (path: string, method: string, json?: unknown, headers = officerA) => request(server, path, { method, headers, ...(json === undefined ? {} : { json }) });
const csv = (text: string, mode: 'dry-run' | 'apply', headers = officerA) =>
  request(server, `/api/members/import?mode=${mode}`, { method: 'POST', headers, raw: { type: 'text/csv', body: text } });
const snapshot = () => ({
  member: server.db.prepare("SELECT name, unit_id, status, email, password_hash FROM members WHERE id = 'boss'").get(),
  codes: server.db.prepare("SELECT count(*) FROM activation_codes WHERE member_id = 'boss'").pluck().get(),
  sessions: server.db.prepare("SELECT count(*) FROM sessions WHERE member_id = 'boss'").pluck().get(),
  grants: server.db.prepare("SELECT role, unit_id FROM role_grants WHERE member_id = 'boss' ORDER BY role").all(),
  events: server.db.prepare("SELECT count(*) FROM member_events WHERE member_id = 'boss'").pluck().get(),
});
const refusedAsHigher = (res: { status: number; json: () => Record<string, unknown> }) => {
  expect(res.status).toBe(403);
  expect(res.json()).toMatchObject({ error: { code: 'member_holds_higher_role' } });
};

describe('a branch officer and an admin whose record sits in their branch', () => {
  it('every member-management route refuses, and nothing about the admin changes', async () => {
    const bossSession = await httpSignIn(server, '000002', PASSWORD);
    const before = snapshot();
    expect(before.sessions).toBe(1);

    refusedAsHigher(await send('/api/members/activation-codes', 'POST', { memberIds: ['boss'] }));
    // Mixed with an ordinary member: all or nothing, no code for either.
    refusedAsHigher(await send('/api/members/activation-codes', 'POST', { memberIds: ['memA', 'boss'] }));
    expect(server.db.prepare("SELECT count(*) FROM activation_codes WHERE member_id = 'memA'").pluck().get()).toBe(0);
    refusedAsHigher(await send('/api/members/boss', 'PATCH', { name: '乗っ取り' }));
    refusedAsHigher(await send('/api/members/boss', 'PATCH', { email: 'attacker@example.org' }));
    refusedAsHigher(await send('/api/members/boss', 'PATCH', { status: 'left' }));
    refusedAsHigher(await send('/api/members/boss', 'PATCH', { unitId: 'bA' }));
    refusedAsHigher(await send('/api/members/boss/end-sessions', 'POST'));
    refusedAsHigher(await send('/api/roles', 'POST', { memberId: 'boss', unitId: 'wA1', role: 'member' }));
    refusedAsHigher(await send('/api/roles/boss-viewer-bA', 'DELETE'));

    const dry = await csv('社員番号,氏名,所属,状態\n000002,乗っ取り,WA1,退職\n000100,名前000100 改,WA1,在籍\n', 'dry-run');
    expect(dry.status).toBe(200);
    expect(dry.json<{ report: { problems: { line: number; code: string; value: string }[]; toUpdate: number } }>().report).toMatchObject({
      problems: [{ line: 2, code: 'member_holds_higher_role', value: '000002' }],
      toUpdate: 1,
    });
    const applied = await csv('社員番号,氏名,所属,状態\n000002,乗っ取り,WA1,退職\n000100,名前000100 改,WA1,在籍\n', 'apply');
    expect(applied.status).toBe(400);
    expect(applied.json()).toMatchObject({ error: { code: 'csv_has_problems', report: { problems: [{ code: 'member_holds_higher_role' }] } } });
    expect(server.db.prepare("SELECT name FROM members WHERE id = 'memA'").pluck().get()).toBe('名前000100');

    expect(snapshot()).toEqual(before);
    expect((await request(server, '/api/auth/me', { headers: bossSession })).status).toBe(200);
    // Listing the admin unchanged is fine: a row that changes nothing is not refused.
    const same = await csv('社員番号,氏名,所属\n000002,名前000002,WA1\n', 'dry-run');
    expect(same.json<{ report: { problems: unknown[]; unchanged: number } }>().report).toMatchObject({ problems: [], unchanged: 1 });
    // None of the refused attempts was audited as done.
    expect(server.db.prepare("SELECT count(*) FROM audit_log WHERE target = 'boss' OR action = 'code.issued'").pluck().get()).toBe(0);
  });

  it('lists each member with the roles they hold, so the app can leave out whom the officer may not manage', async () => {
    const list = await request(server, '/api/members?unitId=wA1', { headers: officerA });
    const members = list.json<{ members: { id: string; roles: { role: string; unitId: string }[] }[] }>().members;
    expect(members.find((m) => m.id === 'boss')?.roles).toEqual([{ role: 'admin', unitId: 'u' }, { role: 'viewer', unitId: 'bA' }]);
    expect(members.find((m) => m.id === 'memA')?.roles).toEqual([]);
  });

  it('an officer still manages an ordinary member of their branch through the same routes', async () => {
    const memSession = await httpSignIn(server, '000100', PASSWORD);
    const codes = await send('/api/members/activation-codes', 'POST', { memberIds: ['memA'] });
    expect(codes.status).toBe(200);
    expect(codes.json<{ cards: { code: string }[] }>().cards).toHaveLength(1);
    expect((await send('/api/members/memA', 'PATCH', { name: '改名' })).status).toBe(200);
    const granted = await send('/api/roles', 'POST', { memberId: 'memA', unitId: 'wA1', role: 'viewer' });
    expect(granted.status).toBe(201);
    expect((await send(`/api/roles/${granted.json<{ id: string }>().id}`, 'DELETE')).status).toBe(200);
    expect((await send('/api/members/memA/end-sessions', 'POST')).json()).toEqual({ ended: 1 });
    expect((await request(server, '/api/auth/me', { headers: memSession })).status).toBe(401);
    expect((await send('/api/members/memA', 'PATCH', { status: 'on_leave' })).status).toBe(200);
    const applied = await csv('社員番号,氏名,所属,状態\n000100,名前 再,WA1,在籍\n', 'apply');
    expect(applied.json()).toMatchObject({ updated: 1 });
    expect(server.db.prepare("SELECT name, status FROM members WHERE id = 'memA'").get()).toEqual({ name: '名前 再', status: 'active' });
  });

  it('an admin manages the other admin', async () => {
    const admin = await httpSignIn(server, '000001', PASSWORD);
    expect((await send('/api/members/boss', 'PATCH', { name: '新しい名前' }, admin)).status).toBe(200);
    expect((await send('/api/members/activation-codes', 'POST', { memberIds: ['boss'] }, admin)).status).toBe(200);
    expect((await send('/api/members/boss/end-sessions', 'POST', undefined, admin)).status).toBe(200);
    expect((await csv('社員番号,氏名,所属\n000002,また別の名前,WA1\n', 'apply', admin)).json()).toMatchObject({ updated: 1 });
  });
});

describe('randomized through the server', () => {
  it('for random grants held by a member of workplace A1, each management route answers as the shared rule says, and a refusal changes nothing', async () => {
    const actors = { '000001': 'admin', '000010': 'offA', '000020': 'offB', '000011': 'viewA' } as const;
    const sessions = new Map<string, Record<string, string>>();
    for (const number of Object.keys(actors)) sessions.set(number, await httpSignIn(server, number, PASSWORD));
    const units = ['u', 'bA', 'wA1', 'bB', 'wB1'];
    const routes = [
      { action: 'member.issue_code', call: (h: Record<string, string>) => send('/api/members/activation-codes', 'POST', { memberIds: ['memA'] }, h) },
      { action: 'member.manage', call: (h: Record<string, string>) => send('/api/members/memA', 'PATCH', { name: `名前${Math.random()}` }, h) },
      { action: 'member.manage', call: (h: Record<string, string>) => send('/api/members/memA', 'PATCH', { status: 'on_leave' }, h) },
      { action: 'member.end_sessions', call: (h: Record<string, string>) => send('/api/members/memA/end-sessions', 'POST', undefined, h) },
    ] as const;
    const state = () => server.db.prepare("SELECT name, status, (SELECT count(*) FROM activation_codes WHERE member_id = 'memA') AS codes FROM members WHERE id = 'memA'").get();
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.record({ role: fc.constantFrom(...roles), unit: fc.constantFrom(...units) }), { maxLength: 3, selector: (g) => `${g.role}@${g.unit}` }),
        fc.constantFrom(...(Object.keys(actors) as (keyof typeof actors)[])),
        fc.integer({ min: 0, max: routes.length - 1 }),
        async (grants, number, routeIndex) => {
          server.db.prepare("DELETE FROM role_grants WHERE member_id = 'memA'").run();
          server.db.prepare("UPDATE members SET status = 'active' WHERE id = 'memA'").run();
          for (const g of grants) server.db.prepare("INSERT INTO role_grants (id, member_id, unit_id, role, created_at) VALUES (?, 'memA', ?, ?, 0)").run(`r-${g.role}-${g.unit}`, g.unit, g.role);
          const route = routes[routeIndex]!;
          const actor = server.services.actors.load(actors[number])!;
          const allowed = canManageMember(actor, route.action, server.services.actors.memberTarget('memA', 'wA1'));
          const before = state();
          const res = await route.call(sessions.get(number)!);
          if (allowed) expect(res.status, res.text).toBe(200);
          else {
            expect([403, 404], res.text).toContain(res.status);
            expect(state()).toEqual(before);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
