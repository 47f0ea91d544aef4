import os from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { hashPassword } from '../src/lib/crypto.ts';
import { httpSignIn, inFlight, request, startHttpServer, type HttpAnswer, type HttpServer } from './http-client.ts';
import { PASSWORD, seedOrg } from './seed.ts';

/**
 * Issue 11, finding 3, through the real HTTP server: the documented sign-in
 * limits (README, Security: 5 per account per address, 30 per address, 50 per
 * account) hold under hundreds of concurrent attempts, forwarded addresses are
 * believed only from the configured proxies, and a kiosk answers a member of
 * another workplace as it answers a wrong PIN.
 */
let server: HttpServer;
afterEach(async () => {
  await server.close();
});

const PIN = '4821';
const evaluated = (answers: HttpAnswer[]) => answers.filter((a) => a.status !== 429).length;
const lanAddress = Object.values(os.networkInterfaces())
  .flat()
  .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;

async function withKiosk(env: Record<string, string> = {}) {
  server = await startHttpServer(env);
  await seedOrg(server);
  server.db.prepare("UPDATE members SET pin_hash = ? WHERE id IN ('memA', 'memB')").run(await hashPassword(PIN, 10));
  const officer = await httpSignIn(server, '000010', PASSWORD);
  const res = await request(server, '/api/kiosks', { headers: officer, json: { unitId: 'wA1', name: '休憩室' } });
  expect(res.status).toBe(201);
  const kiosk = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('__Host-kumiai_kiosk='))!.split(';')[0]!;
  return (employeeNumber: string, pin: string, onSent?: () => void) =>
    request(server, '/api/kiosk/sign-in', { headers: { cookie: kiosk, origin: server.config.publicUrl }, json: { employeeNumber, pin }, ...(onSent ? { onSent } : {}) });
}

const password = (employeeNumber: string, pw: string, headers: Record<string, string> = {}, extra: { localAddress?: string; onSent?: () => void } = {}) =>
  request(server, '/api/auth/sign-in', { headers: { origin: server.config.publicUrl, ...headers }, json: { employeeNumber, password: pw }, ...extra });

describe('sign-in throttles under concurrency', () => {
  it('200 concurrent PIN guesses for one member: at most 5 are evaluated, and the right PIN is then refused', async () => {
    const pinSignIn = await withKiosk();
    // All 200 in flight together, sent in order; the right PIN is the last.
    const answers = await inFlight(200, (i, onSent) => pinSignIn('000100', i === 199 ? PIN : String(1000 + i), onSent));
    expect(answers).toHaveLength(200);
    expect(evaluated(answers)).toBeLessThanOrEqual(5);
    expect(answers[199]!.status).toBe(429);
    expect(server.db.prepare("SELECT count(*) FROM sessions WHERE member_id = 'memA'").pluck().get()).toBe(0);
    // Still locked afterwards: the right PIN waits like any other.
    expect((await pinSignIn('000100', PIN)).status).toBe(429);
  });

  it('60 concurrent password guesses for one member: 5 evaluated, and the right one among them waits', async () => {
    server = await startHttpServer();
    await seedOrg(server);
    const answers = await inFlight(60, (i, onSent) => password('000100', i === 59 ? PASSWORD : `wrong guess number ${i}`, {}, { onSent }));
    expect(evaluated(answers)).toBe(5);
    expect(answers.filter((a) => a.status === 401)).toHaveLength(5);
    expect(answers[59]!.status).toBe(429);
    const right = await password('000100', PASSWORD);
    expect(right.status).toBe(429);
    expect(right.json()).toMatchObject({ error: { code: 'rate_limited' } });
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('200 concurrent guesses at 200 accounts from one address: at most 30 evaluated', async () => {
    server = await startHttpServer();
    await seedOrg(server);
    const answers = await inFlight(200, (i, onSent) => password(String(500000 + i), 'wrong guess here', {}, { onSent }));
    expect(evaluated(answers)).toBe(30);
  });

  it('200 concurrent guesses for one account through a trusted proxy, each from another client address: at most 50 evaluated', async () => {
    server = await startHttpServer({ KUMIAI_TRUST_PROXY: '127.0.0.1' });
    await seedOrg(server);
    const answers = await inFlight(200, (i, onSent) => password('000100', 'wrong guess here', { 'x-forwarded-for': `198.51.100.${i % 250}, 203.0.113.${i}` }, { onSent }));
    // The proxy's forwarded address is believed (each client has its own 5), and the account's own limit caps them all.
    expect(evaluated(answers)).toBe(50);
  });
});

describe('forwarded addresses', () => {
  const rotating = async (localAddress?: string) => {
    const answers: HttpAnswer[] = [];
    for (let i = 0; i < 40; i++) answers.push(await password('000100', 'wrong guess here', { 'x-forwarded-for': `198.51.100.${i + 1}` }, localAddress ? { localAddress } : {}));
    return answers;
  };

  it.skipIf(!lanAddress)('KUMIAI_TRUST_PROXY=1 trusts only a proxy on this machine: rotating X-Forwarded-For from another peer does not reset the throttle', async () => {
    server = await startHttpServer({ KUMIAI_TRUST_PROXY: '1' }, lanAddress);
    await seedOrg(server);
    const answers = await rotating();
    expect(evaluated(answers)).toBe(5);
    expect(answers.at(-1)!.status).toBe(429);
  });

  it('a peer not in the proxy list cannot pick its address with X-Forwarded-For', async () => {
    server = await startHttpServer({ KUMIAI_TRUST_PROXY: '127.0.0.1,10.0.0.0/8' });
    await seedOrg(server);
    // 127.0.0.2 is this machine too, but not a listed proxy.
    const answers = await rotating('127.0.0.2');
    expect(evaluated(answers)).toBe(5);
  });
});

describe('kiosk and members of other workplaces', () => {
  it('answers the right and a wrong PIN of an out-of-unit member identically, and counts both as failures', async () => {
    const pinSignIn = await withKiosk();
    const right = await pinSignIn('000200', PIN); // memB, of branch B, at branch A's kiosk
    const wrong = await pinSignIn('000200', '0000');
    const unknown = await pinSignIn('999999', PIN);
    for (const a of [right, wrong, unknown]) expect(a.status).toBe(401);
    expect(right.json()).toEqual(wrong.json());
    expect(right.json()).toEqual(unknown.json());
    expect(right.json()).toMatchObject({ error: { code: 'pin_invalid' } });
    expect(server.db.prepare("SELECT count(*) FROM sessions WHERE member_id = 'memB'").pluck().get()).toBe(0);
    for (let i = 0; i < 3; i++) expect((await pinSignIn('000200', PIN)).status).toBe(401);
    expect((await pinSignIn('000200', PIN)).status).toBe(429);
    // The kiosk's own members are unaffected.
    expect((await pinSignIn('000100', PIN)).status).toBe(200);
  });
});
