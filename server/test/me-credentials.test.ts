import { afterEach, describe, expect, it } from 'vitest';
import { PASSWORD, seedOrg, signIn } from './seed.ts';
import { RawClient, startSyncServer, type SyncServer } from './sync/support.ts';

let server: SyncServer;
afterEach(async () => {
  await server.close();
});

const NEW_PASSWORD = 'another long passphrase';

async function setup() {
  server = await startSyncServer();
  await seedOrg(server);
}

const post = (url: string, headers: Record<string, string>, payload: unknown) => server.app.inject({ method: 'POST', url, headers, payload: payload as Record<string, unknown> });
const me = (headers: Record<string, string>) => server.app.inject({ method: 'GET', url: '/api/auth/me', headers });
const trySignIn = (password: string) => post('/api/auth/sign-in', {}, { employeeNumber: '000100', password });
const memberRow = () => server.db.prepare("SELECT password_hash, pin_hash, updated_at FROM members WHERE id = 'memA'").get();
const auditActions = () => server.db.prepare('SELECT action FROM audit_log ORDER BY seq').pluck().all();
const cookieOf = (setCookie: unknown, name: string) =>
  ([] as string[]).concat(setCookie as string[]).find((c) => c.startsWith(`${name}=`))?.split(';')[0] ?? null;

describe('a member changes their password', () => {
  it('refuses a wrong current password with a coded error and changes nothing', async () => {
    await setup();
    const phone = await signIn(server, '000100');
    const other = await signIn(server, '000100');
    const before = memberRow();
    const res = await post('/api/me/password', phone, { currentPassword: 'not my password', newPassword: NEW_PASSWORD });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { code: 'current_password_wrong' } });
    expect(memberRow()).toEqual(before);
    expect((await me(other)).statusCode).toBe(200);
    expect(auditActions()).not.toContain('member.password_changed');
    // A new password that breaks the activation rules is refused before the current one is looked at.
    const short = await post('/api/me/password', phone, { currentPassword: PASSWORD, newPassword: 'short' });
    expect(short.json()).toMatchObject({ error: { code: 'password_too_short' } });
    expect((await post('/api/me/password', phone, { currentPassword: PASSWORD, newPassword: 'password123' })).json()).toMatchObject({ error: { code: 'password_too_common' } });
    expect(memberRow()).toEqual(before);
  });

  it('is throttled exactly as sign-in: after 5 wrong tries even the right password is refused, here and at sign-in', async () => {
    await setup();
    const phone = await signIn(server, '000100');
    for (let i = 0; i < 5; i += 1) {
      expect((await post('/api/me/password', phone, { currentPassword: `wrong ${i} password`, newPassword: NEW_PASSWORD })).json()).toMatchObject({ error: { code: 'current_password_wrong' } });
    }
    const locked = await post('/api/me/password', phone, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    expect(locked.statusCode).toBe(429);
    expect(locked.json()).toMatchObject({ error: { code: 'rate_limited' } });
    // The same keys as sign-in: this is no second door for guessing.
    expect((await trySignIn(PASSWORD)).statusCode).toBe(429);
    expect((await trySignIn(NEW_PASSWORD)).statusCode).toBe(429);
    server.clock.advance(16 * 60_000);
    expect((await trySignIn(PASSWORD)).statusCode).toBe(200);
  });

  it('ends the other sessions and closes their sync sockets by default; the new password signs in, the old one does not', async () => {
    await setup();
    const phone = await signIn(server, '000100');
    const laptop = await signIn(server, '000100');
    const socket = await RawClient.open(server.url, { headers: { origin: server.config.publicUrl, cookie: laptop.cookie } });
    const res = await post('/api/me/password', phone, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true, endedSessions: 1 });
    expect(await socket.closed).toBe(4401);
    expect((await me(laptop)).statusCode).toBe(401);
    expect((await me(phone)).statusCode).toBe(200);
    expect((await trySignIn(PASSWORD)).statusCode).toBe(401);
    expect((await trySignIn(NEW_PASSWORD)).statusCode).toBe(200);
    const row = server.db.prepare("SELECT actor_id, target, detail FROM audit_log WHERE action = 'member.password_changed'").get() as { actor_id: string; target: string; detail: string };
    expect(row).toEqual({ actor_id: 'memA', target: 'memA', detail: JSON.stringify({ endedSessions: 1 }) });
  });

  it('keeps the other sessions when the member chooses', async () => {
    await setup();
    const phone = await signIn(server, '000100');
    const laptop = await signIn(server, '000100');
    const socket = await RawClient.open(server.url, { headers: { origin: server.config.publicUrl, cookie: laptop.cookie } });
    const res = await post('/api/me/password', phone, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD, endOtherSessions: false });
    expect(res.json()).toEqual({ ok: true, endedSessions: 0 });
    expect((await me(laptop)).statusCode).toBe(200);
    const { docs } = await socket.pullAll('members');
    expect(docs.size).toBeGreaterThan(0);
    expect(socket.closeCode).toBeNull();
    socket.close();
  });

  it('is refused with an API token (no session to keep)', async () => {
    await setup();
    const { token } = server.services.tokens.create('memA', 1);
    const before = memberRow();
    const res = await post('/api/me/password', { authorization: `Bearer ${token}` }, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    expect(res.json()).toMatchObject({ error: { code: 'session_required' } });
    expect(memberRow()).toEqual(before);
  });
});

describe('a member sets or changes their kiosk PIN', () => {
  it('needs the current password; the new PIN then signs in at the workplace kiosk', async () => {
    await setup();
    const officer = await signIn(server, '000010');
    const reg = await post('/api/kiosks', officer, { unitId: 'wA1', name: '休憩室タブレット' });
    const kiosk = cookieOf(reg.headers['set-cookie'], '__Host-kumiai_kiosk')!;
    const pinSignIn = (pin: string) => post('/api/kiosk/sign-in', { cookie: kiosk, origin: server.config.publicUrl }, { employeeNumber: '000100', pin });
    const phone = await signIn(server, '000100');

    expect((await post('/api/me/pin', phone, { currentPassword: 'not my password', pin: '4821' })).json()).toMatchObject({ error: { code: 'current_password_wrong' } });
    expect((await post('/api/me/pin', phone, { currentPassword: PASSWORD, pin: '12' })).json()).toMatchObject({ error: { code: 'validation_failed' } });
    expect(memberRow()).toMatchObject({ pin_hash: null });
    expect((await pinSignIn('4821')).statusCode).toBe(401);

    expect((await post('/api/me/pin', phone, { currentPassword: PASSWORD, pin: '4821' })).statusCode).toBe(200);
    expect((await pinSignIn('4821')).statusCode).toBe(200);
    expect((await post('/api/me/pin', phone, { currentPassword: PASSWORD, pin: '97531' })).statusCode).toBe(200);
    expect((await pinSignIn('4821')).json()).toMatchObject({ error: { code: 'pin_invalid' } });
    expect((await pinSignIn('97531')).statusCode).toBe(200);
    // Audited, never the secret.
    const rows = server.db.prepare("SELECT detail FROM audit_log WHERE action = 'member.pin_changed'").pluck().all() as string[];
    expect(rows).toEqual(['{}', '{}']);
    // Changing the PIN ends no session.
    expect((await me(phone)).statusCode).toBe(200);
  });
});
