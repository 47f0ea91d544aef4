import { afterEach, describe, expect, it } from 'vitest';
import { hashPassword } from '../src/lib/crypto.ts';
import { startTestServer, type TestServer } from './helpers.ts';
import { seedOrg, signIn } from './seed.ts';

let server: TestServer;
afterEach(async () => {
  await server.close();
});

const cookieOf = (setCookie: unknown, name: string) =>
  ([] as string[]).concat(setCookie as string[]).find((c) => c.startsWith(`${name}=`))?.split(';')[0] ?? null;

async function registerKiosk(unitId: string) {
  const officer = await signIn(server, '000010'); // officer of branch A
  const res = await server.app.inject({ method: 'POST', url: '/api/kiosks', headers: officer, payload: { unitId, name: '休憩室タブレット' } });
  expect(res.statusCode).toBe(201);
  const kioskCookie = cookieOf(res.headers['set-cookie'], '__Host-kumiai_kiosk')!;
  expect(kioskCookie).toBeTruthy();
  // The officer's own session on the tablet ended with the registration.
  expect((await server.app.inject({ method: 'GET', url: '/api/auth/me', headers: officer })).statusCode).toBe(401);
  return kioskCookie;
}

async function setPin(memberId: string, pin: string) {
  server.db.prepare('UPDATE members SET pin_hash = ? WHERE id = ?').run(await hashPassword(pin, 10), memberId);
}

describe('kiosks', () => {
  it('lets members of the kiosk’s workplace, and only them, sign in with a PIN, only on the kiosk', async () => {
    server = await startTestServer({ KUMIAI_KIOSK_IDLE_SECONDS: '2' });
    await seedOrg(server);
    await setPin('memA', '4821');
    await setPin('memB', '1357');
    const kiosk = await registerKiosk('wA1');
    const info = await server.app.inject({ method: 'GET', url: '/api/kiosk', headers: { cookie: kiosk } });
    expect(info.json()).toMatchObject({ kiosk: { unitId: 'wA1', unitName: 'A1職場', idleSeconds: 2 } });

    const pinSignIn = (headers: Record<string, string>, employeeNumber: string, pin: string) =>
      server.app.inject({ method: 'POST', url: '/api/kiosk/sign-in', headers: { ...headers, origin: server.config.publicUrl }, payload: { employeeNumber, pin } });

    const ok = await pinSignIn({ cookie: kiosk }, '000100', '4821');
    expect(ok.statusCode).toBe(200);
    const session = cookieOf(ok.headers['set-cookie'], '__Host-kumiai_session')!;
    const me = await server.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `${kiosk}; ${session}` } });
    expect(me.json()).toMatchObject({ member: { id: 'memA' }, session: { kind: 'kiosk' } });

    expect((await pinSignIn({}, '000100', '4821')).json()).toMatchObject({ error: { code: 'kiosk_required' } });
    // A member of another workplace gets what a wrong PIN gets, even with the right PIN (see security.test.ts).
    expect((await pinSignIn({ cookie: kiosk }, '000200', '1357')).json()).toMatchObject({ error: { code: 'pin_invalid' } });
    expect((await pinSignIn({ cookie: kiosk }, '000100', '0000')).json()).toMatchObject({ error: { code: 'pin_invalid' } });
    // A PIN is no password: it does not open a personal session.
    const asPassword = await server.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { employeeNumber: '000100', password: '4821' } });
    expect(asPassword.statusCode).toBe(401);
    expect(server.db.prepare("SELECT action FROM audit_log WHERE action = 'kiosk.registered'").pluck().all()).toEqual(['kiosk.registered']);
  });

  it('throttles PIN guessing', async () => {
    server = await startTestServer();
    await seedOrg(server);
    await setPin('memA', '4821');
    const kiosk = await registerKiosk('wA1');
    const attempt = (pin: string) =>
      server.app.inject({ method: 'POST', url: '/api/kiosk/sign-in', headers: { cookie: kiosk, origin: server.config.publicUrl }, payload: { employeeNumber: '000100', pin } });
    for (let i = 0; i < 5; i++) expect((await attempt(String(1000 + i))).statusCode).toBe(401);
    expect((await attempt('4821')).statusCode).toBe(429);
    server.clock.advance(61_000);
    expect((await attempt('4821')).statusCode).toBe(200);
  });

  it('refuses registration outside the officer’s scope, and a revoked kiosk signs nobody in', async () => {
    server = await startTestServer();
    await seedOrg(server);
    const officer = await signIn(server, '000010');
    const outside = await server.app.inject({ method: 'POST', url: '/api/kiosks', headers: officer, payload: { unitId: 'wB1', name: 'x' } });
    expect(outside.statusCode).toBe(404);
    await setPin('memA', '4821');
    const kiosk = await registerKiosk('wA1');
    const id = server.db.prepare('SELECT id FROM kiosks').pluck().get() as string;
    const admin = await signIn(server, '000001');
    expect((await server.app.inject({ method: 'DELETE', url: `/api/kiosks/${id}`, headers: admin })).statusCode).toBe(200);
    const res = await server.app.inject({ method: 'POST', url: '/api/kiosk/sign-in', headers: { cookie: kiosk, origin: server.config.publicUrl }, payload: { employeeNumber: '000100', pin: '4821' } });
    expect(res.json()).toMatchObject({ error: { code: 'kiosk_required' } });
  });
});
