import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers.ts';
import { PASSWORD, seedOrg, signIn } from './seed.ts';

let server: TestServer;
afterEach(async () => {
  await server.close();
});

async function setup() {
  server = await startTestServer();
  await seedOrg(server);
  return server;
}

const me = async (headers: Record<string, string>) => server.app.inject({ method: 'GET', url: '/api/auth/me', headers });

describe('routes', () => {
  it('every API route declares its access', async () => {
    await setup();
    const api = server.routes.filter((r) => r.url.startsWith('/api/'));
    expect(api.length).toBeGreaterThan(10);
    const undeclared = api.filter((r) => r.access !== 'public' && r.access !== 'member').map((r) => `${r.method} ${r.url}`);
    expect(undeclared).toEqual([]);
    // Only the sign-in, activation and setup paths are public, and the federation's server-to-server routes, which
    // authenticate the other server themselves: the link (a one-time exchange token), materials (the linked union's
    // service token), and its public identity. The sync socket authenticates on the socket (cookie or bearer).
    const publicRoutes = [...new Set(api.filter((r) => r.access === 'public').map((r) => r.url))].sort();
    expect(publicRoutes).toEqual(
      [
        '/api/auth/activate', '/api/auth/activation/peek', '/api/auth/sign-in', '/api/kiosk', '/api/kiosk/sign-in', '/api/setup', '/api/setup/status', '/api/sync',
        '/api/federation/exchange/link', '/api/federation/identity', '/api/federation/materials/:hash',
      ].sort(),
    );
  });

  it('answers member routes with 401 without a session', async () => {
    await setup();
    for (const r of server.routes.filter((x) => x.url.startsWith('/api/') && x.access === 'member')) {
      const method = r.method === 'HEAD' ? 'GET' : r.method;
      const res = await server.app.inject({ method: method as 'GET', url: r.url.replace(':id', 'x'), headers: { origin: server.config.publicUrl }, payload: method === 'GET' ? undefined : {} });
      expect(res.statusCode, `${method} ${r.url}`).toBe(401);
    }
  });
});

describe('sign-in and sessions', () => {
  it('signs in by employee number (full-width too) and password, and rotates the session', async () => {
    await setup();
    const first = await signIn(server, '０００１００');
    expect((await me({ cookie: first.cookie })).json()).toMatchObject({ member: { id: 'memA', employeeNumber: '000100' }, unionName: 'テスト労働組合' });
    const res = await server.app.inject({ method: 'POST', url: '/api/auth/sign-in', headers: first, payload: { employeeNumber: '000100', password: PASSWORD } });
    const second = String(res.headers['set-cookie']).split(';')[0]!;
    expect(second).not.toBe(first.cookie);
    expect((await me({ cookie: first.cookie })).statusCode).toBe(401);
    expect((await me({ cookie: second })).statusCode).toBe(200);
  });

  it('gives one answer for a wrong password and an unknown member', async () => {
    await setup();
    const wrong = await server.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { employeeNumber: '000100', password: 'wrong password' } });
    const unknown = await server.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { employeeNumber: '999999', password: 'wrong password' } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
  });

  it('expires sessions after the idle time and after the absolute time', async () => {
    await setup();
    const DAY = 24 * 3600 * 1000;
    const idle = await signIn(server, '000100');
    server.clock.advance(29 * DAY);
    expect((await me({ cookie: idle.cookie })).statusCode).toBe(200); // touched: idle timer restarts
    server.clock.advance(29 * DAY);
    expect((await me({ cookie: idle.cookie })).statusCode).toBe(200);
    server.clock.advance(30 * DAY);
    expect((await me({ cookie: idle.cookie })).statusCode).toBe(401);

    const busy = await signIn(server, '000100');
    for (let day = 0; day < 179; day += 20) {
      server.clock.advance(20 * DAY);
      const status = (await me({ cookie: busy.cookie })).statusCode;
      expect(status).toBe(day + 20 < 180 ? 200 : 401);
    }
  });

  it('signs out here, everywhere, and lets an admin end a member’s sessions', async () => {
    await setup();
    const phone = await signIn(server, '000100');
    const laptop = await signIn(server, '000100');
    await server.app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: phone, payload: {} });
    expect((await me({ cookie: phone.cookie })).statusCode).toBe(401);
    expect((await me({ cookie: laptop.cookie })).statusCode).toBe(200);
    const tablet = await signIn(server, '000100');
    server.db.prepare("INSERT INTO push_subscriptions (endpoint, member_id, p256dh, auth, created_at) VALUES ('https://push.example/1', 'memA', 'k', 'a', 0)").run();
    await server.app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: tablet, payload: { everywhere: true } });
    expect((await me({ cookie: laptop.cookie })).statusCode).toBe(401);
    // Signed out everywhere: no device keeps receiving this member's notifications.
    expect(server.db.prepare("SELECT count(*) FROM push_subscriptions WHERE member_id = 'memA'").pluck().get()).toBe(0);

    const again = await signIn(server, '000100');
    const admin = await signIn(server, '000001');
    const ended = await server.app.inject({ method: 'POST', url: '/api/members/memA/end-sessions', headers: admin, payload: {} });
    expect(ended.json()).toEqual({ ended: 1 });
    expect((await me({ cookie: again.cookie })).statusCode).toBe(401);
  });

  it('refuses a cookie-authenticated change from a foreign Origin, and one with no Origin', async () => {
    await setup();
    const admin = await signIn(server, '000001');
    const evil = await server.app.inject({ method: 'PATCH', url: '/api/members/memA', headers: { cookie: admin.cookie, origin: 'https://evil.example' }, payload: { name: '改ざん' } });
    expect(evil.statusCode).toBe(403);
    expect(evil.json()).toMatchObject({ error: { code: 'csrf_rejected' } });
    const none = await server.app.inject({ method: 'PATCH', url: '/api/members/memA', headers: { cookie: admin.cookie }, payload: { name: '改ざん' } });
    expect(none.statusCode).toBe(403);
    expect(server.db.prepare("SELECT name FROM members WHERE id = 'memA'").pluck().get()).toBe('名前000100');
  });

  it('throttles guessing per account and address, then releases', async () => {
    await setup();
    const attempt = (password: string) =>
      server.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { employeeNumber: '000100', password }, remoteAddress: '10.0.0.9' });
    for (let i = 0; i < 5; i++) expect((await attempt('nope nope nope')).statusCode).toBe(401);
    const locked = await attempt(PASSWORD); // even the right password waits
    expect(locked.statusCode).toBe(429);
    expect(locked.json()).toMatchObject({ error: { code: 'rate_limited' } });
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    // The member signs in from another address meanwhile: not locked out.
    const elsewhere = await server.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { employeeNumber: '000100', password: PASSWORD }, remoteAddress: '10.0.0.10' });
    expect(elsewhere.statusCode).toBe(200);
    server.clock.advance(61_000);
    expect((await attempt(PASSWORD)).statusCode).toBe(200);
  });
});

describe('activation codes', () => {
  it('activate once with the printed code, then refuse; a reissued code replaces the old one', async () => {
    await setup();
    const admin = await signIn(server, '000001');
    server.db.prepare("UPDATE members SET password_hash = NULL WHERE id = 'memB'").run();
    const issue = async () =>
      (await server.app.inject({ method: 'POST', url: '/api/members/activation-codes', headers: admin, payload: { memberIds: ['memB'] } })).json<{
        cards: { code: string; url: string }[];
      }>();
    const first = (await issue()).cards[0]!;
    expect(first.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(first.url).toBe(`${server.config.publicUrl}/activate#code=${first.code}`);
    expect(JSON.stringify(server.db.prepare('SELECT * FROM activation_codes').all())).not.toContain(first.code);
    const second = (await issue()).cards[0]!;
    const activate = (code: string, password = 'my new passphrase') =>
      server.app.inject({ method: 'POST', url: '/api/auth/activate', payload: { code, password, pin: '4821' } });
    expect((await activate(first.code)).json()).toMatchObject({ error: { code: 'activation_code_invalid' } });
    expect((await activate(second.code, 'short')).json()).toMatchObject({ error: { code: 'password_too_short' } });
    expect((await activate(second.code, 'password')).json()).toMatchObject({ error: { code: 'password_too_common' } });
    // Typed from the card in lower case with spaces: still accepted.
    const ok = await activate(second.code.toLowerCase().replace(/-/g, ' '));
    expect(ok.statusCode).toBe(200);
    expect(String(ok.headers['set-cookie'])).toContain('__Host-kumiai_session=');
    expect((await activate(second.code)).statusCode).toBe(400);
    await signIn(server, '000200', 'my new passphrase');
    expect(server.db.prepare("SELECT pin_hash IS NOT NULL FROM members WHERE id = 'memB'").pluck().get()).toBe(1);
  });

  it('expires codes', async () => {
    await setup();
    const admin = await signIn(server, '000001');
    const res = await server.app.inject({ method: 'POST', url: '/api/members/activation-codes', headers: admin, payload: { memberIds: ['memA'] } });
    const { code } = (res.json<{ cards: { code: string }[] }>()).cards[0]!;
    server.clock.advance(31 * 24 * 3600 * 1000);
    const late = await server.app.inject({ method: 'POST', url: '/api/auth/activate', payload: { code, password: 'my new passphrase' } });
    expect(late.json()).toMatchObject({ error: { code: 'activation_code_invalid' } });
  });
});

describe('scope', () => {
  it('an officer of branch A can neither see nor change members of branch B', async () => {
    await setup();
    const officer = await signIn(server, '000010');
    const list = (await server.app.inject({ method: 'GET', url: '/api/members', headers: officer })).json<{ members: { id: string }[] }>();
    expect(list.members.map((m) => m.id).sort()).toEqual(['memA', 'offA', 'viewA']);
    const narrowed = await server.app.inject({ method: 'GET', url: '/api/members?unitId=bB', headers: officer });
    expect((narrowed.json<{ members: unknown[] }>()).members).toEqual([]);
    expect((await server.app.inject({ method: 'GET', url: '/api/members/memB', headers: officer })).statusCode).toBe(404);
    const change = await server.app.inject({ method: 'PATCH', url: '/api/members/memB', headers: officer, payload: { name: 'x' } });
    expect(change.statusCode).toBe(404);
    const move = await server.app.inject({ method: 'PATCH', url: '/api/members/memA', headers: officer, payload: { unitId: 'wB1' } });
    expect(move.statusCode).toBe(404);
    const codes = await server.app.inject({ method: 'POST', url: '/api/members/activation-codes', headers: officer, payload: { memberIds: ['memA', 'memB'] } });
    expect(codes.statusCode).toBe(404);
    expect(server.db.prepare('SELECT count(*) FROM activation_codes').pluck().get()).toBe(0);
    // Within scope it works and is audited.
    const ok = await server.app.inject({ method: 'PATCH', url: '/api/members/memA', headers: officer, payload: { name: '新しい名前' } });
    expect(ok.statusCode).toBe(200);
    expect(server.db.prepare("SELECT action, actor_id, target FROM audit_log WHERE action = 'member.updated'").all()).toEqual([
      { action: 'member.updated', actor_id: 'offA', target: 'memA' },
    ]);
  });

  it('a viewer reads but changes nothing; a plain member sees only themself', async () => {
    await setup();
    const viewer = await signIn(server, '000011');
    expect((await server.app.inject({ method: 'GET', url: '/api/members/memA', headers: viewer })).statusCode).toBe(200);
    expect((await server.app.inject({ method: 'PATCH', url: '/api/members/memA', headers: viewer, payload: { name: 'x' } })).statusCode).toBe(403);
    const member = await signIn(server, '000100');
    expect(((await server.app.inject({ method: 'GET', url: '/api/members', headers: member })).json<{ members: unknown[] }>()).members).toEqual([]);
    expect((await server.app.inject({ method: 'GET', url: '/api/members/memA', headers: member })).statusCode).toBe(200);
    expect((await server.app.inject({ method: 'GET', url: '/api/members/offA', headers: member })).statusCode).toBe(404);
  });

  it('transfers keep history, and a member who leaves is signed out', async () => {
    await setup();
    const admin = await signIn(server, '000001');
    const member = await signIn(server, '000100');
    await server.app.inject({ method: 'PATCH', url: '/api/members/memA', headers: admin, payload: { unitId: 'wB1' } });
    await server.app.inject({ method: 'PATCH', url: '/api/members/memA', headers: admin, payload: { status: 'left' } });
    const detail = (await server.app.inject({ method: 'GET', url: '/api/members/memA', headers: admin })).json<{ member: { history: object[] } }>();
    expect(detail.member.history).toMatchObject([
      { kind: 'transferred', from_unit: 'wA1', to_unit: 'wB1' },
      { kind: 'status_changed', from_status: 'active', to_status: 'left' },
    ]);
    expect((await me({ cookie: member.cookie })).statusCode).toBe(401);
  });
});

describe('audit log', () => {
  it('verify names the first edited row', async () => {
    await setup();
    const admin = await signIn(server, '000001');
    for (const name of ['一', '二', '三']) await server.app.inject({ method: 'PATCH', url: '/api/members/memA', headers: admin, payload: { name } });
    expect(server.services.audit.verify()).toEqual({ ok: true, count: 3 });
    // Someone with the SQLite file edits history: the triggers are a speed bump, the chain is the proof.
    expect(() => server.db.prepare("UPDATE audit_log SET actor_id = 'offB' WHERE seq = 2").run()).toThrow(/append-only/);
    server.db.exec('DROP TRIGGER audit_log_no_update');
    server.db.prepare("UPDATE audit_log SET actor_id = 'offB' WHERE seq = 2").run();
    expect(server.services.audit.verify()).toMatchObject({ ok: false, seq: 2 });
    const viaApi = await server.app.inject({ method: 'GET', url: '/api/audit/verify', headers: admin });
    expect(viaApi.json()).toMatchObject({ ok: false, seq: 2 });
    const officer = await signIn(server, '000010');
    expect((await server.app.inject({ method: 'GET', url: '/api/audit', headers: officer })).statusCode).toBe(404);
  });
});

describe('roster export', () => {
  it('exports the roster in scope for Excel, neutralising formula-like cells, audited', async () => {
    await setup();
    server.db.prepare("UPDATE members SET phone = '+81 90-0000-0000', name = '=HYPERLINK(\"http://x\")' WHERE id = 'memA'").run();
    const officer = await signIn(server, '000010');
    const res = await server.app.inject({ method: 'GET', url: '/api/members/export.csv', headers: officer });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = res.rawPayload.subarray(3).toString('utf8');
    expect(text.split('\r\n')[0]).toBe('社員番号,氏名,フリガナ,所属,組合員区分,状態,加入日,メール,電話');
    expect(text).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(text).toContain(`'+81 90-0000-0000`);
    expect(text).not.toContain('000200'); // branch B stays out
    // Stored values are untouched.
    expect(server.db.prepare("SELECT phone FROM members WHERE id = 'memA'").pluck().get()).toBe('+81 90-0000-0000');
    expect(server.db.prepare("SELECT action FROM audit_log WHERE action = 'export.created'").pluck().all()).toEqual(['export.created']);
    const member = await signIn(server, '000100');
    expect((await server.app.inject({ method: 'GET', url: '/api/members/export.csv', headers: member })).statusCode).toBe(403);
  });
});
