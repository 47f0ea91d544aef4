import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const PASSWORD = 'correct horse battery';
const body = (token: string | null, overrides: Record<string, string> = {}) => ({
  token,
  unionName: '全日本ものづくり労働組合',
  employeeNumber: '００１２３',
  name: '山田 花子',
  password: PASSWORD,
  ...overrides,
});

async function status(s: TestServer, token: string) {
  const res = await s.app.inject({ method: 'POST', url: '/api/setup/status', payload: { token } });
  return (res.json<{ state: string }>()).state;
}

describe('first-run setup', () => {
  it('names the union, creates the admin, signs them in, and works only once', async () => {
    server = await startTestServer();
    const token = server.setup.issueTokenIfNeeded();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await status(server, token!)).toBe('ready');

    const res = await server.app.inject({ method: 'POST', url: '/api/setup', payload: body(token) });
    expect(res.statusCode).toBe(201);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^__Host-kumiai_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain('Secure');
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toContain('Path=/');

    const unit = server.db.prepare('SELECT name, kind, parent_id FROM units').all();
    expect(unit).toEqual([{ name: '全日本ものづくり労働組合', kind: 'union', parent_id: null }]);
    const member = server.db.prepare('SELECT employee_number, name, password_hash FROM members').get() as Record<string, string>;
    // Full-width digits from a Japanese IME are stored NFKC-normalised.
    expect(member.employee_number).toBe('00123');
    expect(member.password_hash).toMatch(/^scrypt\$\d+\$8\$1\$/);
    expect(member.password_hash).not.toContain(PASSWORD);
    expect(server.db.prepare('SELECT role FROM role_grants').all()).toEqual([{ role: 'admin' }]);
    // Only the hash of the session token is stored.
    const sessionToken = cookie.split(';')[0]!.split('=')[1]!;
    expect(JSON.stringify(server.db.prepare('SELECT * FROM sessions').all())).not.toContain(sessionToken);
    expect(JSON.stringify(server.db.prepare('SELECT * FROM setup_tokens').all())).not.toContain(token);

    const again = await server.app.inject({ method: 'POST', url: '/api/setup', payload: body(token) });
    expect(again.statusCode).toBe(410);
    expect(again.json()).toMatchObject({ error: { code: 'setup_token_used' } });
    expect(await status(server, token!)).toBe('used');
    expect(server.db.prepare('SELECT count(*) AS n FROM members').get()).toEqual({ n: 1 });
    // Once set up, no new setup link is issued.
    expect(server.setup.issueTokenIfNeeded()).toBeNull();
  });

  it('refuses an expired token with its own code and changes nothing', async () => {
    server = await startTestServer({ KUMIAI_SETUP_TOKEN_TTL_SECONDS: '60' });
    const token = server.setup.issueTokenIfNeeded()!;
    server.clock.advance(60_000);
    expect(await status(server, token)).toBe('expired');
    const res = await server.app.inject({ method: 'POST', url: '/api/setup', payload: body(token) });
    expect(res.statusCode).toBe(410);
    expect(res.json()).toMatchObject({ error: { code: 'setup_token_expired' } });
    expect(server.db.prepare('SELECT count(*) AS n FROM units').get()).toEqual({ n: 0 });
  });

  it('keeps only the newest link valid and refuses unknown tokens', async () => {
    server = await startTestServer();
    const first = server.setup.issueTokenIfNeeded()!;
    const second = server.setup.issueTokenIfNeeded()!;
    expect(await status(server, first)).toBe('invalid');
    expect(await status(server, second)).toBe('ready');
    const res = await server.app.inject({ method: 'POST', url: '/api/setup', payload: body('x'.repeat(43)) });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: { code: 'setup_token_invalid' } });
  });

  it.each([
    ['short', 'short1', 'password_too_short'],
    ['common', 'password123', 'password_too_common'],
  ])('refuses a %s password and leaves the token usable', async (_label, password, code) => {
    server = await startTestServer();
    const token = server.setup.issueTokenIfNeeded()!;
    const res = await server.app.inject({ method: 'POST', url: '/api/setup', payload: body(token, { password }) });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { code } });
    expect(server.db.prepare('SELECT count(*) AS n FROM members').get()).toEqual({ n: 0 });
    expect(await status(server, token)).toBe('ready');
  });

  it('rejects forged or missing fields by schema', async () => {
    server = await startTestServer();
    const token = server.setup.issueTokenIfNeeded()!;
    const extra = await server.app.inject({ method: 'POST', url: '/api/setup', payload: { ...body(token), role: 'admin' } });
    expect(extra.statusCode).toBe(400);
    expect(extra.json()).toMatchObject({ error: { code: 'validation_failed' } });
    const missing = await server.app.inject({ method: 'POST', url: '/api/setup', payload: { token } });
    expect(missing.statusCode).toBe(400);
    expect(server.db.prepare('SELECT count(*) AS n FROM units').get()).toEqual({ n: 0 });
  });

  it('never writes the token, the password or the cookie into the log', async () => {
    server = await startTestServer();
    const token = server.setup.issueTokenIfNeeded()!;
    const res = await server.app.inject({ method: 'POST', url: '/api/setup', payload: body(token) });
    const sessionToken = String(res.headers['set-cookie']).split(';')[0]!.split('=')[1]!;
    await server.app.inject({ method: 'GET', url: '/healthz', headers: { cookie: `__Host-kumiai_session=${sessionToken}`, authorization: 'Bearer secret-bearer' } });
    const logs = server.logs();
    expect(logs.length).toBeGreaterThan(0);
    expect(logs).toContain('incoming request');
    for (const secret of [token, PASSWORD, sessionToken, 'secret-bearer']) expect(logs).not.toContain(secret);
  });
});
