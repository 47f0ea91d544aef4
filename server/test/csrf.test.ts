import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers.ts';
import { seedOrg, signIn } from './seed.ts';

/**
 * CSRF through the real app (issue 11 #2): the router decodes `/%61pi/…` to
 * `/api/…`, so the check must not look at the raw URL; and a signed-in write
 * must carry a body type no HTML form can send.
 */
let server: TestServer;
afterEach(async () => {
  await server.close();
});

const EVIL = 'https://evil.example';
// The same route, spelled as a browser or an attacker may send it.
const SPELLINGS = ['/api/me', '/%61pi/me', '/%61%70%69/me', '/api/%6De', '/%61pi/%6d%65'];
const CSV = 'employeeNumber,name,unitCode\n000999,新人,WA1\n';

const phone = () => server.db.prepare("SELECT phone FROM members WHERE id = 'memA'").pluck().get();
const count = (table: string) => server.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
const codeOf = (res: { json: () => unknown }) => (res.json() as { error?: { code?: string } }).error?.code;

async function setup() {
  server = await startTestServer();
  await seedOrg(server);
}

describe('CSRF: the Origin check on every unsafe request, whatever the path spelling', () => {
  it('refuses a foreign Origin and a missing one on a signed-in write at every spelling of the path', async () => {
    await setup();
    const member = await signIn(server, '000100');
    for (const url of SPELLINGS) {
      const foreign = await server.app.inject({ method: 'PATCH', url, headers: { cookie: member.cookie, origin: EVIL }, payload: { phone: '000' } });
      expect([url, foreign.statusCode, codeOf(foreign)]).toEqual([url, 403, 'csrf_rejected']);
      const missing = await server.app.inject({ method: 'PATCH', url, headers: { cookie: member.cookie }, payload: { phone: '000' } });
      expect([url, missing.statusCode, codeOf(missing)]).toEqual([url, 403, 'csrf_rejected']);
      const sameSiteOtherPort = await server.app.inject({ method: 'PATCH', url, headers: { cookie: member.cookie, origin: 'http://localhost:9999' }, payload: { phone: '000' } });
      expect([url, sameSiteOtherPort.statusCode]).toEqual([url, 403]);
    }
    // A forged Host header does not make a foreign Origin "our own".
    const forgedHost = await server.app.inject({ method: 'PATCH', url: '/%61pi/me', headers: { cookie: member.cookie, origin: 'http://evil.example', host: 'evil.example' }, payload: { phone: '000' } });
    expect(forgedHost.statusCode).toBe(403);
    expect(phone()).toBeNull();
    // Outside /api too: any unsafe method is checked (a 404 route is refused before it is looked up).
    const elsewhere = await server.app.inject({ method: 'POST', url: '/anything', headers: { cookie: member.cookie, origin: EVIL }, payload: {} });
    expect(codeOf(elsewhere)).toBe('csrf_rejected');
  });

  it('refuses the body types an HTML form can send on signed-in writes, even from our own origin', async () => {
    await setup();
    const admin = await signIn(server, '000001');
    const member = await signIn(server, '000100');
    const members = count('members');
    // The roster import took text/plain: a form on a sibling site could create and mark members.
    const form = await server.app.inject({ method: 'POST', url: '/%61pi/members/import?mode=apply', headers: { ...admin, 'content-type': 'text/plain' }, payload: CSV });
    expect([form.statusCode, codeOf(form)]).toEqual([403, 'csrf_rejected']);
    const urlencoded = await server.app.inject({ method: 'PATCH', url: '/api/me', headers: { ...member, 'content-type': 'application/x-www-form-urlencoded' }, payload: 'phone=000' });
    expect([urlencoded.statusCode, codeOf(urlencoded)]).toEqual([403, 'csrf_rejected']);
    const multipart = await server.app.inject({
      method: 'POST',
      url: '/api/uploads?name=a.pdf',
      headers: { ...member, 'content-type': 'multipart/form-data; boundary=x' },
      payload: '--x\r\nContent-Disposition: form-data; name="f"\r\n\r\n%PDF-1.4\r\n--x--\r\n',
    });
    expect([multipart.statusCode, codeOf(multipart)]).toEqual([403, 'csrf_rejected']);
    const plainUpload = await server.app.inject({ method: 'POST', url: '/%61pi/uploads?name=a.pdf', headers: { ...member, 'content-type': 'text/plain' }, payload: '%PDF-1.4\n' });
    expect(plainUpload.statusCode).toBe(403);
    // An empty text/plain form to a route that takes no body: the sessions stay.
    const sessions = count('sessions');
    const endSessions = await server.app.inject({ method: 'POST', url: '/%61pi/members/memA/end-sessions', headers: { ...admin, 'content-type': 'text/plain' }, payload: '' });
    expect([endSessions.statusCode, codeOf(endSessions)]).toEqual([403, 'csrf_rejected']);
    expect(count('sessions')).toBe(sessions);
    expect(count('members')).toBe(members);
    expect(count('uploads')).toBe(0);
    expect(phone()).toBeNull();
  });

  it('lets the app’s own requests through: JSON, CSV imports, file uploads, bodiless deletes', async () => {
    await setup();
    const admin = await signIn(server, '000001');
    const member = await signIn(server, '000100');
    const me = await server.app.inject({ method: 'PATCH', url: '/api/me', headers: member, payload: { phone: '000' } });
    expect(me.statusCode).toBe(200);
    expect(phone()).toBe('000');
    // As client/src/api/client.ts sends them: a picked CSV as text/csv, an attachment as application/octet-stream.
    const dry = await server.app.inject({ method: 'POST', url: '/api/members/import?mode=dry-run', headers: { ...admin, 'content-type': 'text/csv' }, payload: CSV });
    expect(dry.statusCode).toBe(200);
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const upload = await server.app.inject({ method: 'POST', url: '/api/uploads?name=a.png', headers: { ...member, 'content-type': 'application/octet-stream' }, payload: png });
    expect(upload.statusCode).toBe(201);
    const del = await server.app.inject({ method: 'DELETE', url: '/api/roles/nope', headers: admin });
    expect([del.statusCode, codeOf(del)]).toEqual([404, 'not_found']);
  });

  it('leaves bearer-token clients alone: no cookie, no Origin, their own body types', async () => {
    await setup();
    const { token } = server.services.tokens.create('admin', 1);
    const bearer = { authorization: `Bearer ${token}` };
    const me = await server.app.inject({ method: 'PATCH', url: '/%61pi/me', headers: bearer, payload: { phone: '111' } });
    expect(me.statusCode).toBe(200);
    const dry = await server.app.inject({ method: 'POST', url: '/api/members/import?mode=dry-run', headers: { ...bearer, 'content-type': 'text/plain' }, payload: CSV });
    expect(dry.statusCode).toBe(200);
  });
});
